using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Account;

public static class AccountApi
{
    /// <summary>Who the caller is, as the API sees them.</summary>
    public sealed record MeResponse(Guid Id, string UserName, string DisplayName, string? Unit, IReadOnlyList<string> Roles);

    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/me").WithTags("账户");
        group.MapGet("/", GetMeAsync).WithName("GetMe").WithSummary("当前调用者的身份与角色");
        return api;
    }

    private static async Task<Ok<MeResponse>> GetMeAsync(CurrentUser me, CancellationToken ct)
    {
        var profile = await me.GetProfileAsync(ct) ?? throw new NotFoundException();
        return TypedResults.Ok(new MeResponse(profile.UserId, me.Principal.Identity?.Name ?? "", profile.DisplayName, profile.UnitName, me.Roles));
    }
}
