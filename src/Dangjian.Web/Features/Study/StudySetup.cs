using Dangjian.Web.Platform.Files;

namespace Dangjian.Web.Features.Study;

public static class StudySetup
{
    public static WebApplicationBuilder AddStudy(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<StudyService>();
        builder.Services.Configure<StudyOptions>(builder.Configuration.GetSection(StudyOptions.Section));
        builder.Services.AddScoped<Notes.NoteAccess>();
        builder.Services.AddScoped<QuizService>();
        builder.Services.AddScoped<StudyFigures>();
        builder.Services.AddScoped<QuestionBank>();
        builder.Services.AddScoped<StudyAccess>();
        builder.Services.AddScoped<IFileAccessRule, NoteFileRule>();
        builder.Services.AddScoped<IFileAccessRule, SessionFileRule>();
        builder.Services.AddScoped<IFileAccessRule, MaterialFileRule>();
        return builder;
    }
}
