namespace Dashboard.Domain.Risks;

/// <summary>A named range of risk scores, e.g. "Severe" for 8–16, with its colour and review cadence.</summary>
public sealed record ScoreBand(string Name, int MinScore, int MaxScore, string Colour, int ReviewEveryDays)
{
    public bool Contains(int score) => score >= MinScore && score <= MaxScore;
}

/// <summary>
/// The bands in force. They must cover every score 1..16 exactly once, so that every risk has one band.
/// </summary>
public sealed class ScoreBandSet
{
    private readonly IReadOnlyList<ScoreBand> bands;

    private ScoreBandSet(IReadOnlyList<ScoreBand> bands) => this.bands = bands;

    /// <summary>Lowest scores first.</summary>
    public IReadOnlyList<ScoreBand> Bands => bands;

    public static ScoreBandSet Default { get; } = Create(
    [
        new("Tolerable", 1, 3, "#2e7d32", 360),
        new("Moderate", 4, 7, "#f9a825", 180),
        new("Severe", 8, 16, "#c62828", 90),
    ]);

    public ScoreBand BandOf(int score) =>
        bands.FirstOrDefault(b => b.Contains(score))
        ?? throw new ArgumentOutOfRangeException(nameof(score), score, "A risk score must be between 1 and 16.");

    public ScoreBand BandOf(RiskScore score) => BandOf(score.Value);

    /// <exception cref="ArgumentException">The bands leave a gap, overlap, or are otherwise unusable; the message says which.</exception>
    public static ScoreBandSet Create(IEnumerable<ScoreBand> bands)
    {
        var errors = Validate(bands.ToList());
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(bands));
        }

        return new ScoreBandSet(bands.OrderBy(b => b.MinScore).ToList());
    }

    /// <summary>Plain-English problems with a band configuration; empty when it is usable.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<ScoreBand> bands)
    {
        var errors = new List<string>();
        if (bands.Count == 0)
        {
            errors.Add("No score bands are configured.");
            return errors;
        }

        foreach (var band in bands)
        {
            if (string.IsNullOrWhiteSpace(band.Name))
            {
                errors.Add($"The band covering {band.MinScore}–{band.MaxScore} has no name.");
            }

            if (band.MinScore > band.MaxScore)
            {
                errors.Add($"Band '{band.Name}' starts at {band.MinScore}, after its end {band.MaxScore}.");
            }

            if (band.ReviewEveryDays <= 0)
            {
                errors.Add($"Band '{band.Name}' must have a review cadence of at least 1 day.");
            }
        }

        for (var score = 1; score <= 16; score++)
        {
            var covering = bands.Where(b => b.Contains(score)).Select(b => b.Name).ToList();
            if (covering.Count == 0)
            {
                errors.Add($"Score {score} is not covered by any band.");
            }
            else if (covering.Count > 1)
            {
                errors.Add($"Score {score} is covered by more than one band ({string.Join(", ", covering)}).");
            }
        }

        foreach (var band in bands.Where(b => b.MinScore < 1 || b.MaxScore > 16))
        {
            errors.Add($"Band '{band.Name}' reaches outside the possible scores 1–16.");
        }

        return errors;
    }
}
