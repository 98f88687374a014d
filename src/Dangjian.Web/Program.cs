using Dangjian.Web.Features;
using Dangjian.Web.Features.Admin;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Demo;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Cli;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Files;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddAppData();
builder.AddAppIdentity();
builder.AddAppWeb();
builder.AddFiles();
builder.AddOrganization();
builder.AddAdministration();
builder.AddCampaigns();
builder.AddDemo();
var verb = CommandLine.Verb(args);
if (verb is not null)
{
    builder.Configuration["Database:MigrateOnStartup"] = "false";
}

var app = builder.Build();
if (verb is not null)
{
    return await CommandLine.RunAsync(app, verb, args);
}

app.UseAppPlatform();
app.MapHealth();
app.MapFiles();
app.MapRazorPages();
app.MapApiV1().MapFeatureApis();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
