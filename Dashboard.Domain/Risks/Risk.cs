using Dashboard.Domain.Organisation;

namespace Dashboard.Domain.Risks;

public enum RiskStatus
{
    Open = 1,
    Closed = 2,
}

/// <summary>
/// A risk on a register. Its score lives in its assessments: every re-assessment is a new row,
/// so the history of movement is never overwritten.
/// </summary>
public sealed class Risk : IVersioned
{
    public int Id { get; set; }

    public int RiskRegisterId { get; set; }

    public RiskRegister? RiskRegister { get; set; }

    /// <summary>The reference the register shows, e.g. "1" or "ICT-3"; unique within its register.</summary>
    public required string Ref { get; set; }

    public required string Title { get; set; }

    public string? Mitigation { get; set; }

    public int OwnerId { get; set; }

    public Person? Owner { get; set; }

    /// <summary>Null when the risk concerns both councils; otherwise the one council it concerns.</summary>
    public int? CouncilId { get; set; }

    public Council? Council { get; set; }

    /// <summary>Where mitigation should bring the risk, if a target has been set.</summary>
    public Likelihood? TargetLikelihood { get; set; }

    public Impact? TargetImpact { get; set; }

    public RiskStatus Status { get; set; } = RiskStatus.Open;

    public DateOnly RaisedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateOnly NextReviewDate { get; set; }

    /// <summary>For a record seeded for the demo, where it is printed or that it is illustrative (<see cref="Provenance"/>); null otherwise.</summary>
    public string? Source { get; set; }

    public Guid Version { get; set; }

    public List<RiskAssessment> Assessments { get; set; } = [];

    public RiskScore? TargetScore =>
        TargetLikelihood is { } l && TargetImpact is { } i ? new RiskScore(l, i) : null;
}

/// <summary>One assessment of a risk: L and I as judged by someone, when, and why.</summary>
public sealed class RiskAssessment
{
    public int Id { get; set; }

    public int RiskId { get; set; }

    public Likelihood Likelihood { get; set; }

    public Impact Impact { get; set; }

    public DateTimeOffset AssessedAt { get; set; }

    public int AssessedById { get; set; }

    public Person? AssessedBy { get; set; }

    public required string Reason { get; set; }

    /// <summary>For a record seeded for the demo, where it is printed or that it is illustrative (<see cref="Provenance"/>); null otherwise.</summary>
    public string? Source { get; set; }

    public RiskScore Score => new(Likelihood, Impact);
}
