using Dangjian.Web.Platform.Notifications;

namespace Dangjian.Web.Features.Campaigns;

public static class CampaignSetup
{
    public static WebApplicationBuilder AddCampaigns(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<CampaignService>();
        builder.Services.AddScoped<CampaignAccess>();
        builder.Services.AddScoped<CampaignPicker>();
        builder.Services.AddScoped<Study.StudyService>();
        builder.Services.Configure<Study.StudyOptions>(builder.Configuration.GetSection(Study.StudyOptions.Section));
        builder.Services.AddScoped<Study.Notes.NoteAccess>();
        builder.Services.AddScoped<Study.QuizService>();
        builder.Services.AddScoped<Study.StudyFigures>();
        builder.Services.AddScoped<Study.QuestionBank>();
        builder.Services.AddScoped<Appraisals.AppraisalService>();
        builder.Services.AddSingleton<Appraisals.BallotKey>();
        builder.Services.AddHostedService<Appraisals.BallotRekey>();
        builder.Services.AddScoped<Appraisals.AppraisalAccess>();
        builder.Services.AddScoped<Opinions.ForumService>();
        builder.Services.AddScoped<Opinions.LetterService>();
        builder.Services.AddSingleton<Opinions.LetterKey>();
        builder.Services.AddHostedService<Opinions.LetterRekey>();
        builder.Services.AddScoped<Talks.TalkService>();
        builder.Services.AddScoped<Talks.TalkList>();
        builder.Services.AddScoped<Opinions.ListeningFigures>();
        builder.Services.AddScoped<Opinions.ListeningAccess>();
        builder.Services.AddScoped<DocumentAccess>();
        builder.Services.AddScoped<Rectification.RectificationService>();
        builder.Services.AddScoped<Rectification.RectificationProgress>();
        builder.Services.AddScoped<Problems.SelfInspectionService>();
        builder.Services.AddScoped<Meetings.MeetingService>();
        builder.Services.AddScoped<Ledgers.LedgerAccess>();
        builder.Services.AddScoped<Platform.Files.IFileAccessRule, Rectification.EvidenceFileRule>();
        builder.Services.AddScoped<Rules.RuleAccess>();
        builder.Services.AddScoped<Briefings.BriefingAccess>();
        builder.Services.AddScoped<Ledgers.AssessmentService>();
        builder.Services.AddScoped<Reports.SummaryFigures>();
        builder.Services.AddScoped<Reports.SummaryWriter>();
        builder.Services.AddScoped<Dashboard.CampaignBoard>();
        builder.Services.Configure<Platform.Documents.PdfOptions>(builder.Configuration.GetSection("Pdf"));
        builder.Services.AddSingleton<Platform.Documents.PdfConverter>();
        builder.Services.AddScoped<Dashboard.Cockpit>();
        builder.Services.AddScoped<Platform.Files.IFileAccessRule, Rules.RuleFileRule>();
        builder.Services.AddScoped<Study.StudyAccess>();
        builder.Services.AddScoped<Platform.Files.IFileAccessRule, Study.NoteFileRule>();
        builder.Services.AddScoped<Platform.Files.IFileAccessRule, Study.SessionFileRule>();
        builder.Services.AddScoped<Platform.Files.IFileAccessRule, Study.MaterialFileRule>();
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddSingleton<IMessageSender, LoggingMessageSender>();
        builder.Services.AddScoped<ReminderRunner>();
        builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection(ReminderOptions.Section));
        builder.Services.AddHostedService<ReminderJob>();
        return builder;
    }
}
