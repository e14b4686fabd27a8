using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;

namespace Dashboard.Domain.Performance;

public enum Polarity
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

public enum CollectionFrequency
{
    Monthly = 1,
    Quarterly = 2,
    Annual = 3,
}

/// <summary>How period values add up to a year-to-date figure.</summary>
public enum YtdAggregation
{
    /// <summary>Add the periods up (e.g. kg of household waste).</summary>
    Sum = 1,

    /// <summary>Average the periods (e.g. a monthly recycling rate).</summary>
    Average = 2,

    /// <summary>Take the most recent period (e.g. a cumulative rate reported each month).</summary>
    Latest = 3,
}

/// <summary>A performance indicator in the catalogue, reported for each council.</summary>
public sealed class PerformanceIndicator
{
    public int Id { get; set; }

    /// <summary>The council's reference, e.g. "NI 191"; unique.</summary>
    public required string Ref { get; set; }

    public required string Description { get; set; }

    /// <summary>How values are written, e.g. "kg", "%", "days".</summary>
    public required string Unit { get; set; }

    public Polarity Polarity { get; set; }

    public CollectionFrequency Frequency { get; set; }

    public YtdAggregation Aggregation { get; set; }

    /// <summary>How far from target still counts as amber, as a percentage of the target (e.g. 5).</summary>
    public decimal TolerancePercent { get; set; }

    /// <summary>"Data only" indicators show values and trend but have no target and no traffic light.</summary>
    public bool IsDataOnly { get; set; }

    /// <summary>Whether a value below zero makes sense (a change, a balance) or is a typing error (kg, %).</summary>
    public bool AllowsNegative { get; set; }

    public int DecimalPlaces { get; set; } = 2;

    public int OwnerId { get; set; }

    public Person? Owner { get; set; }

    public int? SharedServiceId { get; set; }

    public SharedService? SharedService { get; set; }

    /// <summary>Set on indicators created by the demo seeding, so screens can say the figures are illustrative.</summary>
    public bool IsDemo { get; set; }

    /// <summary>
    /// The reporting date an administrator retired the indicator: it keeps its history and page, but no figures
    /// are owed and it leaves the board's summary figures and the quarterly rollups. Null while it is reported.
    /// </summary>
    public DateOnly? RetiredOn { get; set; }

    public bool IsRetired => RetiredOn is not null;

    public List<PiTarget> Targets { get; set; } = [];

    public List<PiBaseline> Baselines { get; set; } = [];

    public List<PiValue> Values { get; set; } = [];
}

/// <summary>
/// A council's target for an indicator: for a whole financial year (<see cref="PeriodStart"/> null),
/// or for one period of it.
/// </summary>
public sealed class PiTarget
{
    public int Id { get; set; }

    public int PerformanceIndicatorId { get; set; }

    public int CouncilId { get; set; }

    public Council? Council { get; set; }

    /// <summary>Start year of the financial year: 2010 for 2010/11.</summary>
    public int FinancialYear { get; set; }

    /// <summary>First day of the period this target is for; null for the annual target.</summary>
    public DateOnly? PeriodStart { get; set; }

    public decimal Target { get; set; }
}

/// <summary>The pre-shared-services baseline measured for a council early in the project.</summary>
public sealed class PiBaseline
{
    public int Id { get; set; }

    public int PerformanceIndicatorId { get; set; }

    public int CouncilId { get; set; }

    public Council? Council { get; set; }

    public decimal Value { get; set; }

    public DateOnly MeasuredOn { get; set; }

    public string? Note { get; set; }
}

/// <summary>A council's actual value for one period of an indicator.</summary>
public sealed class PiValue : IVersioned
{
    public int Id { get; set; }

    public int PerformanceIndicatorId { get; set; }

    public PerformanceIndicator? PerformanceIndicator { get; set; }

    public int CouncilId { get; set; }

    public Council? Council { get; set; }

    /// <summary>First day of the month, quarter or year the value is for.</summary>
    public DateOnly PeriodStart { get; set; }

    public decimal Value { get; set; }

    public string? Note { get; set; }

    /// <summary>For a demo figure, where it is printed or that it is illustrative (<see cref="Provenance"/>).</summary>
    public string? Source { get; set; }

    public int? EnteredById { get; set; }

    public Person? EnteredBy { get; set; }

    public DateTimeOffset EnteredAt { get; set; }

    public Guid Version { get; set; }
}
