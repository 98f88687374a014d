using System.Net;
using System.Reflection;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Organization;

/// <summary>An install with an empty database (no demo data, no account), as production starts.</summary>
public sealed class EmptyAppFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:SeedOnStartup"] = "false" };
}

/// <summary>The first hour of a new agency: from no account to the first unit.</summary>
public sealed class FirstDayTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    [DbFact]
    public async Task AnEmptyInstallSaysHowTheFirstAdministratorIsMadeThenTheOfficeCreatesTheFirstUnit()
    {
        (await app.WithDbAsync(db => db.OrgUnits.CountAsync())).ShouldBe(0);
        var anonymous = app.CreateBrowserLikeClient();
        var empty = await anonymous.GetDocumentAsync("/Account/Login");
        empty.QuerySelector("[data-testid=first-admin]")!.TextContent
            .ShouldContain("DANGJIAN_ADMIN_PASSWORD='…' dotnet run -- create-admin --user wangwei --role system-admin --name 王伟");

        var office = await app.CreateUserAsync([Roles.CampaignOffice]);
        (await anonymous.GetDocumentAsync("/Account/Login")).QuerySelector("[data-testid=first-admin]").ShouldBeNull();

        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(office, "Passw0rd!x");
        var blank = await client.PostFormAsync("/Organization", new Dictionary<string, string> { ["FirstUnitName"] = " " }, action: "handler=FirstUnit");
        blank.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = (await blank.ParseAsync()).ErrorsText();
        errors.ShouldContain("请填写单位名称。");
        errors.ShouldNotContain("PageNumber");
        errors.ShouldNotContain("有效值");
        (await app.WithDbAsync(db => db.OrgUnits.CountAsync())).ShouldBe(0);

        var badCode = await client.PostFormAsync("/Organization", new Dictionary<string, string> { ["FirstUnitName"] = "市科技局", ["FirstUnitCode"] = "市科" }, action: "handler=FirstUnit");
        badCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await badCode.ParseAsync()).ErrorsText().ShouldContain("单位编码只能包含英文字母和数字");
        (await app.WithDbAsync(db => db.OrgUnits.CountAsync())).ShouldBe(0);

        var created = await client.PostFormAsync("/Organization", new Dictionary<string, string> { ["FirstUnitName"] = "市科技局", ["FirstUnitCode"] = "kjj" }, action: "handler=FirstUnit");

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await created.ParseAsync()).ErrorsText());
        created.Headers.Location!.OriginalString.ShouldContain("/Organization/Unit");
        var unit = await app.WithDbAsync(db => db.OrgUnits.SingleAsync());
        unit.Name.ShouldBe("市科技局");
        unit.Code.ShouldBe("KJJ", "the code the office typed, in capitals: sub-units and user names begin with it");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectType == "OrgUnit" && e.ObjectId == unit.Id.ToString()))).ShouldBeTrue();
        var again = await client.PostHandlerAsync("/Organization", "FirstUnit", new Dictionary<string, string> { ["FirstUnitName"] = "第二个顶层单位" });
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.OrgUnits.CountAsync())).ShouldBe(1);
    }

    /// <summary>
    /// Razor Pages keep the page's own path in the route value <c>page</c>: a property bound under that name from every
    /// source reads “/Organization/Index” on a post and fails the form. Page numbers bind from the query string only.
    /// </summary>
    [Fact]
    public void NoPagePropertyBindsTheRouteValuePage()
    {
        var offenders = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.GetCustomAttribute<BindPropertyAttribute>() is { } bind
                && string.Equals(bind.Name ?? x.Property.Name, "page", StringComparison.OrdinalIgnoreCase))
            .Select(x => x.Type.Name + "." + x.Property.Name)
            .ToList();

        offenders.ShouldBeEmpty();
    }
}
