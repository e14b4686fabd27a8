using Dashboard.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Auth;

/// <summary>A sign-in account, linked to the person the board's records name.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public int? PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>Created by the demo seeding; refused at sign-in once the demo is switched off.</summary>
    public bool IsDemoAccount { get; set; }
}
