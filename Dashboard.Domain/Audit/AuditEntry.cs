namespace Dashboard.Domain.Audit;

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
}

/// <summary>
/// One recorded change: who, when, which entity, and each changed value before and after.
/// Written in the same transaction as the change itself, and never edited afterwards.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The person's name as shown in the app, or "System" for start-up seeding and scheduled jobs.</summary>
    public required string Actor { get; set; }

    public int? ActorPersonId { get; set; }

    /// <summary>The kind of thing changed, e.g. "Risk", "StatusUpdate", "Role assignment".</summary>
    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>JSON object: property name → { "old": …, "new": … }.</summary>
    public required string Changes { get; set; }
}

/// <summary>Who is making a change, as the audit trail records it.</summary>
public sealed record AuditActor(string Name, int? PersonId)
{
    public static AuditActor System { get; } = new("System", null);

    public static AuditActor DemoSeed { get; } = new("System (demo seed)", null);
}
