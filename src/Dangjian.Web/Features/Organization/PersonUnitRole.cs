using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;

namespace Dangjian.Web.Features.Organization;

/// <summary>
/// A role a person holds in a unit other than (or besides) their primary one, e.g. 机关党支部书记 for a
/// department head. The primary unit is <see cref="Person.OrgUnitId"/>.
/// </summary>
public sealed class PersonUnitRole : Entity, IAuditTitled
{
    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public Guid OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    public required string Title { get; set; }

    string IAuditTitled.AuditTitle => Title;
}
