using Dashboard.Domain.Organisation;

namespace Dashboard.Domain.Services;

/// <summary>A project's highlight report for one period (Appendix C of the progress report).</summary>
public sealed class HighlightReport : IVersioned
{
    public int Id { get; set; }

    public int SharedServiceId { get; set; }

    public SharedService? SharedService { get; set; }

    public DateOnly PeriodEnding { get; set; }

    public int PreparedById { get; set; }

    public Person? PreparedBy { get; set; }

    public Rag Rag { get; set; }

    /// <summary>0–100.</summary>
    public int PercentComplete { get; set; }

    public DateOnly ProjectStartDate { get; set; }

    public DateOnly ProjectedCompletionDate { get; set; }

    public required string SummaryPosition { get; set; }

    public string? OtherProgress { get; set; }

    public string? ProjectBenefits { get; set; }

    public string? FinancialUpdate { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; }

    public List<HighlightActivity> Activities { get; set; } = [];

    public List<HighlightConcern> Concerns { get; set; } = [];
}

public enum ActivityPeriod
{
    /// <summary>Planned for the report's own period; carries progress against it.</summary>
    ThisPeriod = 1,

    /// <summary>Planned for the next period, with a due date; becomes next report's ThisPeriod list.</summary>
    NextPeriod = 2,
}

public sealed class HighlightActivity
{
    public int Id { get; set; }

    public int HighlightReportId { get; set; }

    public ActivityPeriod Period { get; set; }

    public int Order { get; set; }

    public required string Description { get; set; }

    public string? Progress { get; set; }

    public DateOnly? DueDate { get; set; }
}

/// <summary>A row of "Risks, issues and concerns | Mitigating action".</summary>
public sealed class HighlightConcern
{
    public int Id { get; set; }

    public int HighlightReportId { get; set; }

    public int Order { get; set; }

    public required string Concern { get; set; }

    public string? MitigatingAction { get; set; }
}
