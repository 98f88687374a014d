using Microsoft.AspNetCore.Identity;

namespace Dangjian.Web.Platform.Identity;

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
        Id = Guid.CreateVersion7();
    }

    public string DisplayName { get; set; } = "";
}
