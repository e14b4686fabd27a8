namespace Dashboard.Domain.Risks;

/// <summary>Likelihood on the councils' 4-point scale (Appendix A): Low 1 to High 4.</summary>
public enum Likelihood
{
    Low = 1,
    Medium = 2,
    Significant = 3,
    High = 4,
}

/// <summary>Impact on the councils' 4-point scale (Appendix A): Low 1 to Critical 4.</summary>
public enum Impact
{
    Low = 1,
    Marginal = 2,
    Major = 3,
    Critical = 4,
}

public static class RiskScale
{
    public const int Min = 1;
    public const int Max = 4;

    public static bool IsValid(int value) => value is >= Min and <= Max;

    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1..4.</exception>
    public static Likelihood ToLikelihood(int value) => IsValid(value)
        ? (Likelihood)value
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"Likelihood must be between {Min} and {Max}.");

    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1..4.</exception>
    public static Impact ToImpact(int value) => IsValid(value)
        ? (Impact)value
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"Impact must be between {Min} and {Max}.");

    /// <summary>Likelihood rows as the matrix shows them, highest first.</summary>
    public static IReadOnlyList<Likelihood> LikelihoodRows { get; } =
        [Likelihood.High, Likelihood.Significant, Likelihood.Medium, Likelihood.Low];

    /// <summary>Impact columns as the matrix shows them, lowest first.</summary>
    public static IReadOnlyList<Impact> ImpactColumns { get; } =
        [Impact.Low, Impact.Marginal, Impact.Major, Impact.Critical];
}

/// <summary>A risk score: likelihood × impact, 1..16.</summary>
public readonly record struct RiskScore(Likelihood Likelihood, Impact Impact)
{
    public int Value => (int)Likelihood * (int)Impact;

    public static RiskScore Of(int likelihood, int impact) =>
        new(RiskScale.ToLikelihood(likelihood), RiskScale.ToImpact(impact));

    public override string ToString() => $"{(int)Likelihood} × {(int)Impact} = {Value}";
}
