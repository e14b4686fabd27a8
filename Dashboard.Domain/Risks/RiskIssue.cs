using Dashboard.Domain.Organisation;

namespace Dashboard.Domain.Risks;

public enum IssuePriority
{
    Low = 1,
    Medium = 2,
    High = 3,
}

public enum IssueStatus
{
    Open = 1,
    InProgress = 2,
    Resolved = 3,
}

/// <summary>An entry in the issues log: a risk that has happened, or a problem raised directly.</summary>
public sealed class RiskIssue : IVersioned
{
    public int Id { get; set; }

    public int RiskRegisterId { get; set; }

    public RiskRegister? RiskRegister { get; set; }

    public required string Ref { get; set; }

    public required string Description { get; set; }

    public int OwnerId { get; set; }

    public Person? Owner { get; set; }

    public IssuePriority Priority { get; set; }

    public DateOnly RaisedOn { get; set; }

    public IssueStatus Status { get; set; } = IssueStatus.Open;

    public string? Action { get; set; }

    public string? Resolution { get; set; }

    /// <summary>The risk this issue was raised from, if any.</summary>
    public int? RaisedFromRiskId { get; set; }

    public Risk? RaisedFromRisk { get; set; }

    /// <summary>For a record seeded for the demo, where it is printed or that it is illustrative (<see cref="Provenance"/>); null otherwise.</summary>
    public string? Source { get; set; }

    public Guid Version { get; set; }
}
