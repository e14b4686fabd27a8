namespace Dashboard.Domain.Services;

public enum BenefitKind
{
    /// <summary>Expected results from the business case, with actual results to date.</summary>
    BusinessCase = 1,

    /// <summary>Benefits achieved that were not in the business case.</summary>
    Other = 2,

    /// <summary>The overall performance summary and issues for the board.</summary>
    OverallSummary = 3,
}

/// <summary>A row of a live service's benefits realisation report (Appendix B).</summary>
public sealed class BenefitEntry : IOrderedServiceRow
{
    public int Id { get; set; }

    public int SharedServiceId { get; set; }

    public SharedService? SharedService { get; set; }

    public BenefitKind Kind { get; set; }

    public int Order { get; set; }

    /// <summary>"Expected Results (as per business case) Outcomes and Benefits", or the summary text.</summary>
    public required string Expected { get; set; }

    public string? ActualToDate { get; set; }

    /// <summary>Explains any difference between expected and actual.</summary>
    public string? Commentary { get; set; }

    /// <summary>For a record seeded for the demo, where it is printed or that it is illustrative (<see cref="Provenance"/>); null otherwise.</summary>
    public string? Source { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; }
}
