using Dangjian.Web.Platform.Security;

namespace Dangjian.Web.Features.Appraisals;

public static class AppraisalSetup
{
    public static WebApplicationBuilder AddAppraisals(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<AppraisalService>();
        builder.Services.AddScoped<AppraisalAccess>();
        builder.Services.AddSingleton<BallotKey>();
        builder.Services.AddSingleton<KeptSecret>(services => services.GetRequiredService<BallotKey>());
        builder.Services.AddHostedService<BallotRekey>();
        return builder;
    }
}
