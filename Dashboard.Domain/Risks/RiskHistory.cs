namespace Dashboard.Domain.Risks;

/// <summary>Reading a risk's score from its assessment history.</summary>
public static class RiskHistory
{
    /// <summary>The assessment in force at a moment: the latest one made at or before it; null if none yet.</summary>
    public static RiskAssessment? InForceAt(IEnumerable<RiskAssessment> history, DateTimeOffset moment) =>
        history.Where(a => a.AssessedAt <= moment).MaxBy(a => (a.AssessedAt, a.Id));

    /// <summary>The latest assessment; null for a risk that has never been assessed.</summary>
    public static RiskAssessment? Current(IEnumerable<RiskAssessment> history) =>
        history.MaxBy(a => (a.AssessedAt, a.Id));
}
