using Dashboard.Domain.Risks;

namespace Dashboard.Features.Risks;

/// <summary>A risk placed on the matrix: its reference and the position to show (current, previous or target).</summary>
public sealed record MatrixEntry(string Ref, RiskScore Position);

/// <summary>One cell of the matrix.</summary>
public readonly record struct MatrixCell(Likelihood Likelihood, Impact Impact)
{
    public bool Contains(RiskScore? score) => score is { } s && s.Likelihood == Likelihood && s.Impact == Impact;
}

/// <summary>Which position of each risk the matrix shows.</summary>
public enum MatrixPosition
{
    Current = 1,
    Previous = 2,
    Target = 3,
}
