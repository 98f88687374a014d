using Dangjian.Web.Features;
using Dangjian.Web.Features.Admin;
using Dangjian.Web.Features.Appraisals;
using Dangjian.Web.Features.BranchLife;
using Dangjian.Web.Features.Briefings;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Dashboard;
using Dangjian.Web.Features.Demo;
using Dangjian.Web.Features.Ledgers;
using Dangjian.Web.Features.Meetings;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Features.Rectification;
using Dangjian.Web.Features.Reports;
using Dangjian.Web.Features.Research;
using Dangjian.Web.Features.Rules;
using Dangjian.Web.Features.Study;
using Dangjian.Web.Features.Talks;
using Dangjian.Web.Platform.Cli;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Files;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Notifications;
using Dangjian.Web.Platform.Web;

var builder = WebApplication.CreateBuilder(args);

// Platform: what every feature stands on.
builder.AddAppData();
builder.AddAppIdentity();
builder.AddAppWeb();
builder.AddFiles();
builder.AddDocuments();
builder.AddNotifications();

// Features: one line each; every feature registers its own services in its folder's *Setup.cs.
builder.AddOrganization();
builder.AddAdministration();
builder.AddCampaigns();
builder.AddStudy();
builder.AddAppraisals();
builder.AddOpinions();
builder.AddTalks();
builder.AddProblems();
builder.AddRectification();
builder.AddMeetings();
builder.AddLedgers();
builder.AddRules();
builder.AddBriefings();
builder.AddResearch();
builder.AddBranchLife();
builder.AddReports();
builder.AddDashboard();
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
