using Dashboard.Domain.Organisation;

namespace Dashboard.Domain.Reminders;

public enum ReminderMessageStatus
{
    /// <summary>Intent recorded; not yet accepted by the mail server.</summary>
    Pending = 1,

    /// <summary>Accepted by the mail server.</summary>
    Sent = 2,

    /// <summary>The recipient has no email address: shown to administrators instead.</summary>
    Undeliverable = 3,

    /// <summary>Every item was updated before the message went, so there was nothing left to say.</summary>
    Withdrawn = 4,
}

/// <summary>
/// The outbox: one reminder email to one report owner, listing all their items. It is written before
/// sending and marked after, so a retried or crashed run sends only what the mail server never accepted.
/// </summary>
public sealed class ReminderMessage
{
    public int Id { get; set; }

    public int RecipientId { get; set; }

    public Person? Recipient { get; set; }

    /// <summary>The reminder run (its London date) that recorded the intent.</summary>
    public DateOnly ScanDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public ReminderMessageStatus Status { get; set; } = ReminderMessageStatus.Pending;

    /// <summary>Addresses as sent (or as they would have been), for the reminder log.</summary>
    public string? To { get; set; }

    public string? Cc { get; set; }

    public string? Subject { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Which run is sending it, and until when; another server leaves it alone until the claim lapses.</summary>
    public Guid? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public List<ReminderItem> Items { get; set; } = [];
}

/// <summary>One (obligation, period, step) in a reminder message; unique, which is what makes each step go once.</summary>
public sealed class ReminderItem
{
    public int Id { get; set; }

    public int ReminderMessageId { get; set; }

    public required string ObligationKey { get; set; }

    public ObligationKind Kind { get; set; }

    public int SubjectId { get; set; }

    public int? CouncilId { get; set; }

    public DateOnly Period { get; set; }

    public required string Step { get; set; }

    public DateOnly Deadline { get; set; }

    public required string Title { get; set; }

    /// <summary>True when the update arrived between the scan and the send, so the item was left out of the message.</summary>
    public bool SettledBeforeSending { get; set; }

    public Obligation ToObligation(int ownerId) => new(Kind, SubjectId, CouncilId, Period, Deadline, ownerId, Title);
}
