using System.Text.Json;
using Dashboard.Domain.Services;

namespace Dashboard.Features.Reporting;

/// <summary>
/// The Shared Services Board's monthly pack, in the order of the progress report of 9 December 2010.
/// Plain data, so a pack frozen at a meeting can be stored and shown again exactly as it was.
/// </summary>
public sealed record BoardPack(
    int MeetingId,
    DateOnly MeetingDate,
    string MeetingTitle,
    DateOnly StatusPeriod,
    IReadOnlyList<PackServiceRow> LiveServices,
    IReadOnlyList<PackServiceRow> Projects,
    IReadOnlyList<PackHighlightReport> HighlightReports,
    IReadOnlyList<string> ProjectsMissingHighlightReports,
    IReadOnlyList<PackBenefits> Benefits,
    IReadOnlyList<PackSavings> Savings,
    string RiskRegisterName,
    IReadOnlyList<PackRisk> Risks,
    PackPerformance? Performance = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public string Serialise() => JsonSerializer.Serialize(this, Json);

    public static BoardPack Deserialise(string content) =>
        JsonSerializer.Deserialize<BoardPack>(content, Json) ?? throw new InvalidDataException("The frozen board pack is empty.");
}

/// <summary>
/// The Integrated Finance and Performance Report's three figures as at the last month end before the meeting, per council
/// and combined (null in packs frozen before the pack had them).
/// </summary>
public sealed record PackPerformance(DateOnly AsAtMonth, IReadOnlyList<Performance.SummaryColumn> Summaries);

/// <param name="ReceivedUnderWett">Listed under the live table's sub-heading "WETT services received" (false in packs frozen before it was kept).</param>
/// <param name="Source">A demo card's provenance (<see cref="Dashboard.Domain.Provenance"/>); null for the councils' own.</param>
public sealed record PackServiceRow(string Name, Rag? Rag, string? Commentary, DateOnly? Period, string? UpdatedBy, bool ReceivedUnderWett = false, string? Source = null);

public sealed record PackHighlightReport(
    string Project,
    DateOnly PeriodEnding,
    string PreparedBy,
    Rag Rag,
    int PercentComplete,
    DateOnly StartDate,
    DateOnly ProjectedCompletion,
    string SummaryPosition,
    IReadOnlyList<PackActivity> ThisPeriod,
    string? OtherProgress,
    IReadOnlyList<PackActivity> NextPeriod,
    IReadOnlyList<PackConcern> Concerns,
    string? Benefits,
    string? FinancialUpdate);

public sealed record PackActivity(string Description, string? Progress, DateOnly? DueDate);

public sealed record PackConcern(string Concern, string? MitigatingAction);

public sealed record PackBenefits(string Service, IReadOnlyList<PackBenefitRow> BusinessCase, IReadOnlyList<string> OtherBenefits, IReadOnlyList<string> Summary);

public sealed record PackBenefitRow(string Expected, string? Actual, string? Commentary, string? Source = null);

/// <summary>
/// A council's savings for the year; with <see cref="InTotals"/> false, the lines not split between the councils.
/// Packs frozen before forecasts were kept have no <see cref="Forecast"/> and show their figures as they were.
/// </summary>
public sealed record PackSavings(
    string CouncilCode,
    string CouncilName,
    string FinancialYear,
    decimal Target,
    decimal? Delivered,
    decimal? Forecast = null,
    int Lines = 0,
    int LinesReported = 0,
    bool InTotals = true)
{
    public Dashboard.Domain.Finance.SavingsTotal? Total => Forecast is { } forecast ? new(Target, forecast, Delivered, Lines, LinesReported) : null;
}

/// <summary>A risk as scored at the meeting, with the band's name as it was then and the score a quarter earlier.</summary>
/// <param name="Source">A demo risk's provenance; null for the councils' own.</param>
/// <param name="EarlierSource">The provenance of the earlier assessment the movement compares with.</param>
public sealed record PackRisk(string Ref, string Title, int Likelihood, int Impact, int Score, string Band, string BandColour, string? Mitigation, int? ScoreAQuarterEarlier,
    string? Source = null, string? EarlierSource = null)
{
    public string Movement => ScoreAQuarterEarlier switch
    {
        null => "New",
        var before when before < Score => $"Increased from {before}",
        var before when before > Score => $"Reduced from {before}",
        _ => "No change",
    };
}
