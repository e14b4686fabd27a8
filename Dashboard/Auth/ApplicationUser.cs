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

    /// <summary>When an administrator last sent this account an invitation (a first "set your password" link).</summary>
    public DateTimeOffset? InvitedAt { get; set; }

    /// <summary>When the person last signed in; null until their first sign-in.</summary>
    public DateTimeOffset? LastSignedInAt { get; set; }
}
