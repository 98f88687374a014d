using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organization;

/// <summary>Org units and people over <c>/api/v1</c>: scoped and paginated exactly like the pages; personal data masked.</summary>
public static class OrganizationApi
{
    public sealed record UnitDto(Guid Id, string Name, string Code, string Kind, Guid? ParentId, int SortOrder, bool IsActive);

    public sealed record PersonDto(Guid Id, string Name, string Gender, Guid OrgUnitId, string OrgUnit, string? Title, string PartyStatus, string PostRank, bool IsRetired, DateOnly? JoinedPartyOn, string? IdNumber, string? Phone);

    public static RouteGroupBuilder MapOrganizationApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var units = api.MapGroup("/org-units").WithTags("组织").RequirePermission(Permissions.OrgView);
        units.MapGet("/", ListUnitsAsync).WithSummary("范围内的组织单位（可按上级、关键词筛选，分页）");
        units.MapGet("/{id:guid}", GetUnitAsync).WithSummary("一个组织单位");
        var people = api.MapGroup("/people").WithTags("人员").RequirePermission(Permissions.PeopleView);
        people.MapGet("/", ListPeopleAsync).WithSummary("范围内的人员（可按单位及下级、政治面貌、姓名筛选，分页；身份证号和手机号已脱敏）");
        people.MapGet("/{id:guid}", GetPersonAsync).WithSummary("一名人员（已脱敏）");
        return api;
    }

    private static async Task<Ok<Paged<UnitDto>>> ListUnitsAsync(AppDbContext db, ScopeGuard guard, Guid? parentId, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.OrgUnits.AsNoTracking().InScope(await guard.ScopeAsync(ct), u => u.Path);
        if (parentId is { } parent)
        {
            query = query.Where(u => u.ParentId == parent);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(u => u.Name.Contains(q) || u.Code.Contains(q));
        }

        var result = await query.OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => new UnitDto(u.Id, u.Name, u.Code, u.Kind.ToString(), u.ParentId, u.SortOrder, u.IsActive))
            .ToPageAsync(page ?? 1, pageSize ?? PagedQueryExtensions.DefaultPageSize, ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<UnitDto>> GetUnitAsync(Guid id, AppDbContext db, ScopeGuard guard, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException();
        await guard.RequireAsync(unit.Path, Permissions.OrgView, ct);
        return TypedResults.Ok(new UnitDto(unit.Id, unit.Name, unit.Code, unit.Kind.ToString(), unit.ParentId, unit.SortOrder, unit.IsActive));
    }

    private static async Task<Ok<Paged<PersonDto>>> ListPeopleAsync(AppDbContext db, ScopeGuard guard, Guid? unitId, PartyStatus? status, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.People.AsNoTracking().InScope(await guard.ScopeAsync(ct), p => p.OrgUnit!.Path);
        if (unitId is { } unit)
        {
            var path = await db.OrgUnits.Where(u => u.Id == unit).Select(u => u.Path).SingleOrDefaultAsync(ct);
            query = path is null ? query.Where(_ => false) : query.Where(p => p.OrgUnit!.Path.StartsWith(path));
        }

        if (status is { } s)
        {
            query = query.Where(p => p.PartyStatus == s);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(p => p.Name.Contains(q));
        }

        var result = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Select(Project()).ToPageAsync(page ?? 1, pageSize ?? PagedQueryExtensions.DefaultPageSize, ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<PersonDto>> GetPersonAsync(Guid id, AppDbContext db, ScopeGuard guard, CancellationToken ct)
    {
        var path = await db.People.Where(p => p.Id == id).Select(p => p.OrgUnit!.Path).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        await guard.RequireAsync(path, Permissions.PeopleView, ct);
        return TypedResults.Ok(await db.People.AsNoTracking().Where(p => p.Id == id).Select(Project()).SingleAsync(ct));
    }

    private static System.Linq.Expressions.Expression<Func<Person, PersonDto>> Project() => p => new PersonDto(
        p.Id, p.Name, p.Gender.ToString(), p.OrgUnitId, p.OrgUnit!.Name, p.Title, p.PartyStatus.ToString(), p.PostRank.ToString(), p.IsRetired, p.JoinedPartyOn, p.IdNumberMasked, p.PhoneMasked);
}
