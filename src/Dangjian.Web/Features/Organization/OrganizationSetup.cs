namespace Dangjian.Web.Features.Organization;

public static class OrganizationSetup
{
    public static WebApplicationBuilder AddOrganization(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<OrgUnitOperations>();
        builder.Services.AddScoped<PersonEditor>();
        builder.Services.AddScoped<RosterImport>();
        builder.Services.AddScoped<RosterAccounts>();
        builder.Services.Configure<RosterAccountOptions>(builder.Configuration.GetSection("Accounts"));
        return builder;
    }
}
