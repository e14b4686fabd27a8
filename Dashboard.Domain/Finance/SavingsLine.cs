using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;

namespace Dashboard.Domain.Finance;

/// <summary>
/// One saving expected from shared services and joint working, for one council in one financial year
/// (section 7 of the progress report): its target, the current forecast, and what has been delivered to date.
/// </summary>
public sealed class SavingsLine : IVersioned
{
    public const int DescriptionMaxLength = 200;

    public const int CommentaryMaxLength = 2000;

    public int Id { get; set; }

    /// <summary>The council whose budget the saving falls in; null when the papers do not split it between the councils.</summary>
    public int? CouncilId { get; set; }

    public Council? Council { get; set; }

    /// <summary>Start year of the financial year: 2010 for 2010/11.</summary>
    public int FinancialYear { get; set; }

    public required string Description { get; set; }

    /// <summary>Where the saving comes from, if from one service.</summary>
    public int? SharedServiceId { get; set; }

    public SharedService? SharedService { get; set; }

    /// <summary>Who keeps the forecast and delivered figures up to date (with the administrators).</summary>
    public int? OwnerId { get; set; }

    public Person? Owner { get; set; }

    public decimal Target { get; set; }

    /// <summary>What is now expected by the year end.</summary>
    public decimal Forecast { get; set; }

    /// <summary>Delivered to date; null until it is first reported (the progress report of December 2010 prints none).</summary>
    public decimal? Delivered { get; set; }

    public string? Commentary { get; set; }

    /// <summary>
    /// The paper the figures are quoted from, e.g. "Progress report §7.2"; null for figures the councils entered themselves.
    /// </summary>
    public string? Source { get; set; }

    public Guid Version { get; set; }
}
