namespace Dangjian.Web.Features.Research;

public static class ResearchSetup
{
    public static WebApplicationBuilder AddResearch(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ResearchFigures>();
        return builder;
    }
}
