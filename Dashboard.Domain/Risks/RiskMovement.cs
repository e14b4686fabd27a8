namespace Dashboard.Domain.Risks;

public enum MovementDirection
{
    /// <summary>Not yet assessed at the comparison point.</summary>
    New = 0,
    Same = 1,
    Increased = 2,
    Reduced = 3,
}

/// <summary>How a risk's score moved between a comparison point and now.</summary>
public sealed record RiskMovement(MovementDirection Direction, RiskScore? Before, RiskScore? Now)
{
    /// <param name="history">The risk's assessments, in any order.</param>
    /// <param name="comparisonPoint">Where the risk was: the assessment in force at this moment.</param>
    /// <param name="now">Where it is: the assessment in force at this moment; the latest assessment when null.</param>
    public static RiskMovement Between(IReadOnlyCollection<RiskAssessment> history, DateTimeOffset comparisonPoint, DateTimeOffset? now = null)
    {
        var before = RiskHistory.InForceAt(history, comparisonPoint)?.Score;
        var current = (now is { } at ? RiskHistory.InForceAt(history, at) : RiskHistory.Current(history))?.Score;
        var direction = (before, current) switch
        {
            (null, _) or (_, null) => MovementDirection.New,
            var (b, c) when c.Value.Value > b.Value.Value => MovementDirection.Increased,
            var (b, c) when c.Value.Value < b.Value.Value => MovementDirection.Reduced,
            _ => MovementDirection.Same,
        };
        return new RiskMovement(direction, before, current);
    }

    /// <summary>What a screen reader and the register's movement column say.</summary>
    public string Describe() => Direction switch
    {
        MovementDirection.Increased => $"Increased from {Before!.Value.Value}",
        MovementDirection.Reduced => $"Reduced from {Before!.Value.Value}",
        MovementDirection.Same => "No change",
        _ => "New since the comparison date",
    };
}

/// <summary>When a risk is next reviewed, and whether the board should look at it.</summary>
public static class RiskReview
{
    /// <summary>The next review falls one band cadence after the assessment (high 90 days, medium 180, low 360 by default).</summary>
    public static DateOnly NextReviewAfter(DateOnly assessedOn, RiskScore score, ScoreBandSet bands) =>
        assessedOn.AddDays(bands.BandOf(score).ReviewEveryDays);

    public static bool IsPastDue(DateOnly nextReview, DateOnly today, RiskStatus status) =>
        status == RiskStatus.Open && nextReview < today;

    /// <summary>Above the register's appetite: the board wants attention on it.</summary>
    public static bool IsAboveAppetite(RiskScore score, int appetite) => score.Value > appetite;
}
