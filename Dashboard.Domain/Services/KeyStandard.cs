using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;

namespace Dashboard.Domain.Services;

/// <summary>
/// A row of the key performance standards table of a live service's benefits realisation report (Appendix B).
/// A row linked to an indicator in the catalogue takes its figures from the performance rules
/// (<see cref="KeyPerformanceStandards"/>), so only its commentary is written here; a row without one carries the
/// figures as the councils print them (<see cref="Figures"/>), any of them blank where nothing is printed.
/// </summary>
public sealed class KeyStandard : IOrderedServiceRow
{
    public int Id { get; set; }

    public int SharedServiceId { get; set; }

    public SharedService? SharedService { get; set; }

    /// <summary>Position in the table, from 1.</summary>
    public int Order { get; set; }

    /// <summary>The catalogue indicator whose values and targets give the figures; null for a row of entered figures.</summary>
    public int? PerformanceIndicatorId { get; set; }

    public PerformanceIndicator? PerformanceIndicator { get; set; }

    /// <summary>"Performance ref" of an entered row; the papers sometimes print none.</summary>
    public string? Ref { get; set; }

    /// <summary>"Performance Description" of an entered row, e.g. "Household waste (kg)".</summary>
    public string? Description { get; set; }

    public string? Commentary { get; set; }

    /// <summary>Where an entered row's figures come from, e.g. "Progress report of 9 December 2010, Appendix B".</summary>
    public string? Source { get; set; }

    /// <summary>An entered row's figures, one per council that has any.</summary>
    public List<KeyStandardFigure> Figures { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; }

    public bool IsLinked => PerformanceIndicatorId is not null;
}

/// <summary>One council's side of an entered key performance standard, as printed: any figure may be blank.</summary>
public sealed class KeyStandardFigure
{
    public int Id { get; set; }

    public int KeyStandardId { get; set; }

    public int CouncilId { get; set; }

    public Council? Council { get; set; }

    /// <summary>The pre-shared-services performance baseline.</summary>
    public decimal? Baseline { get; set; }

    public decimal? YtdTarget { get; set; }

    public decimal? YtdActual { get; set; }

    /// <summary>The trend as the papers give it ("W" is <see cref="Performance.Trend.Worsening"/>).</summary>
    public Trend? Trend { get; set; }
}
