namespace Dangjian.Web.Features.Problems;

public static class ProblemSetup
{
    public static WebApplicationBuilder AddProblems(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<SelfInspectionService>();
        return builder;
    }
}
