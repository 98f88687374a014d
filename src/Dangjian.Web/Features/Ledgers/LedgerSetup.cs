namespace Dangjian.Web.Features.Ledgers;

public static class LedgerSetup
{
    public static WebApplicationBuilder AddLedgers(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<LedgerAccess>();
        builder.Services.AddScoped<AssessmentService>();
        return builder;
    }
}
