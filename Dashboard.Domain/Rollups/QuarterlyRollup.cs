namespace Dashboard.Domain.Rollups;

/// <summary>
/// One immutable version of a quarter's figures. Re-running a quarter adds a version; earlier ones are
/// kept with who triggered them and when, and readers show the latest.
/// </summary>
public sealed class QuarterlyRollup
{
    public int Id { get; set; }

    /// <summary>Start year of the financial year: 2010 for 2010/11.</summary>
    public int FinancialYear { get; set; }

    /// <summary>1–4; Q1 is April–June.</summary>
    public int Quarter { get; set; }

    public int Version { get; set; }

    public DateTimeOffset ComputedAt { get; set; }

    /// <summary>"Schedule" or the administrator's name.</summary>
    public required string TriggeredBy { get; set; }

    public List<RollupFigure> Figures { get; set; } = [];
}

/// <summary>One figure of a snapshot: for one council (by code) or "Combined".</summary>
public sealed class RollupFigure
{
    public const string Combined = "Combined";

    public int Id { get; set; }

    public int QuarterlyRollupId { get; set; }

    public required string Scope { get; set; }

    public required string Measure { get; set; }

    public decimal Value { get; set; }
}
