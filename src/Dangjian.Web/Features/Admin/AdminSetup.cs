namespace Dangjian.Web.Features.Admin;

public static class AdminSetup
{
    public static WebApplicationBuilder AddAdministration(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<UserAdministration>();
        return builder;
    }
}
