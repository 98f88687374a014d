using System.Xml.Linq;
using Dangjian.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform.Security;

/// <summary>One Data Protection key as ASP.NET Core writes it (XML), kept in the database. Not an audited entity: key material never goes into the audit log.</summary>
public sealed class DataProtectionKeyRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}

internal sealed class DataProtectionKeyRecordConfiguration : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> b)
    {
        b.Property(k => k.FriendlyName).HasMaxLength(200);
        b.Property(k => k.Xml).HasMaxLength(20000);
    }
}

/// <summary>
/// Keeps the Data Protection key ring in the database (<c>DataProtection:Store=Database</c>), so that several app
/// instances on one database share it: a cookie, an antiforgery token or a protected secret made by one instance is
/// read by every other. (The Microsoft package for this is not available here; this is its small equivalent.)
/// </summary>
public sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
