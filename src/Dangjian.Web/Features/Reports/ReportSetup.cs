namespace Dangjian.Web.Features.Reports;

public static class ReportSetup
{
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<SummaryFigures>();
        builder.Services.AddScoped<SummaryWriter>();
        return builder;
    }
}
