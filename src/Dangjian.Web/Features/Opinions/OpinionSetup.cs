using Dangjian.Web.Platform.Security;

namespace Dangjian.Web.Features.Opinions;

public static class OpinionSetup
{
    public static WebApplicationBuilder AddOpinions(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ForumService>();
        builder.Services.AddScoped<LetterService>();
        builder.Services.AddSingleton<LetterKey>();
        builder.Services.AddSingleton<KeptSecret>(services => services.GetRequiredService<LetterKey>());
        builder.Services.AddHostedService<LetterRekey>();
        builder.Services.AddScoped<ListeningFigures>();
        builder.Services.AddScoped<ListeningAccess>();
        return builder;
    }
}
