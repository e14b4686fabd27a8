namespace Dashboard.Domain.Reminders;

/// <summary>The kinds of update a report owner must supply.</summary>
public enum ObligationKind
{
    StatusCard = 1,
    PerformanceValue = 2,
    RiskReview = 3,
    HighlightReport = 4,
}

/// <summary>
/// One update someone owes: a service's status card for a month, a council's value of a PI for a
/// period, a risk's review, a project's highlight report. <see cref="Key"/> and <see cref="Period"/>
/// identify it for ever, so a reminder step is sent once per (obligation, period, step).
/// </summary>
public sealed record Obligation(
    ObligationKind Kind,
    int SubjectId,
    int? CouncilId,
    DateOnly Period,
    DateOnly Deadline,
    int OwnerId,
    string Title)
{
    public string Key => KeyOf(Kind, SubjectId, CouncilId);

    public static string KeyOf(ObligationKind kind, int subjectId, int? councilId) =>
        councilId is { } council ? $"{kind}/{subjectId}/{council}" : $"{kind}/{subjectId}";
}

/// <summary>A reminder step that is due today for an obligation.</summary>
public sealed record DueReminder(Obligation Obligation, ReminderStep Step);
