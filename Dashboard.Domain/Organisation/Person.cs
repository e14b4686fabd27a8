namespace Dashboard.Domain.Organisation;

/// <summary>
/// Someone the board's paperwork names: a service manager, a report owner, a director.
/// A person may or may not have a sign-in account.
/// </summary>
public sealed class Person
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? JobTitle { get; set; }

    /// <summary>Where reminders go; a person without one is reported as undeliverable.</summary>
    public string? Email { get; set; }

    public int? CouncilId { get; set; }

    public Council? Council { get; set; }

    /// <summary>The director copied in when this person's updates are escalated.</summary>
    public int? DirectorId { get; set; }

    public Person? Director { get; set; }

    /// <summary>
    /// When an administrator switched this person off (they left, or changed role). A deactivated person cannot
    /// sign in, by password or through the council's identity provider; their history and authorship stay.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    public bool IsActive => DeactivatedAt is null;
}
