namespace Dangjian.Web.Features.BranchLife;

public static class BranchLifeSetup
{
    public static WebApplicationBuilder AddBranchLife(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<BranchLifeAccess>();
        builder.Services.AddScoped<BranchBoard>();
        return builder;
    }
}
