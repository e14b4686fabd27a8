using System.Globalization;
using Dashboard.Domain.Risks;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Features.Risks;

public enum StatusFilter
{
    Open = 0,
    Closed = 1,
    All = 2,
}

/// <summary>
/// What the register page is showing: its filters, the matrix cell picked and the search. The page and
/// the export both apply it, so an export is exactly the view on screen.
/// </summary>
public sealed record RiskFilter
{
    /// <summary>The council filter that lets every risk through.</summary>
    public const string AnyCouncil = "Any";

    /// <summary>The council filter for risks concerning both councils (no single council).</summary>
    public const string BothCouncils = "Both";

    public string? Owner { get; init; }

    public string? Band { get; init; }

    public StatusFilter Status { get; init; } = StatusFilter.Open;

    /// <summary><see cref="AnyCouncil"/>, <see cref="BothCouncils"/>, or a council's code (which includes risks to both).</summary>
    public string Council { get; init; } = AnyCouncil;

    /// <summary>Where movement is measured from: the end of this day. Null: the start of time (every risk is new).</summary>
    public DateOnly? ComparedWith { get; init; }

    public MatrixPosition Position { get; init; } = MatrixPosition.Current;

    public MatrixCell? Cell { get; init; }

    public string? Search { get; init; }

    public DateTimeOffset ComparisonPoint =>
        ComparedWith is { } date ? new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue;

    /// <summary>The register's view before a matrix cell is picked: what the matrix counts.</summary>
    public IEnumerable<RiskRow> ForMatrix(IEnumerable<RiskRow> risks, ScoreBandSet bands) => risks
        .Where(r => Owner is null || r.Owner == Owner)
        .Where(r => Band is null || (r.Score is { } s && bands.BandOf(s).Name == Band))
        .Where(r => Status switch { StatusFilter.Open => r.Status == RiskStatus.Open, StatusFilter.Closed => r.Status == RiskStatus.Closed, _ => true })
        .Where(r => Council switch { AnyCouncil => true, BothCouncils => r.CouncilCode is null, var code => r.CouncilCode is null || r.CouncilCode == code });

    /// <summary>The rows the register table shows (and an export writes): the matrix's risks, in the picked cell, matching the search.</summary>
    public IReadOnlyList<RiskRow> ForTable(IEnumerable<RiskRow> risks, ScoreBandSet bands) => ForMatrix(risks, bands)
        .Where(r => Cell is not { } cell || cell.Contains(PositionOf(r)))
        .Where(Matches)
        .ToList();

    /// <summary>Where the matrix places a risk: now, at the comparison date, or its target.</summary>
    public RiskScore? PositionOf(RiskRow row) => Position switch
    {
        MatrixPosition.Previous => row.Movement.Before,
        MatrixPosition.Target => row.Target,
        _ => row.Score,
    };

    private bool Matches(RiskRow row) =>
        string.IsNullOrWhiteSpace(Search)
        || row.Title.Contains(Search, StringComparison.OrdinalIgnoreCase)
        || row.Ref.Contains(Search, StringComparison.OrdinalIgnoreCase)
        || row.Owner.Contains(Search, StringComparison.OrdinalIgnoreCase)
        || (row.Mitigation?.Contains(Search, StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>The filter as a query string ("?status=All&amp;cell=3-3"), leaving out what is at its default.</summary>
    public string ToQueryString()
    {
        var values = new Dictionary<string, string?>
        {
            ["owner"] = Owner,
            ["band"] = Band,
            ["status"] = Status == StatusFilter.Open ? null : Status.ToString(),
            ["council"] = Council == AnyCouncil ? null : Council,
            ["compare"] = ComparedWith?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["position"] = Position == MatrixPosition.Current ? null : Position.ToString(),
            ["cell"] = Cell is { } cell ? $"{(int)cell.Likelihood}-{(int)cell.Impact}" : null,
            ["search"] = string.IsNullOrWhiteSpace(Search) ? null : Search,
        };
        return QueryString.Create(values.Where(v => v.Value is not null)).ToUriComponent();
    }

    /// <summary>Reads <see cref="ToQueryString"/> back; anything unrecognised is left at its default.</summary>
    public static RiskFilter FromQuery(IQueryCollection query)
    {
        string? Value(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        MatrixCell? cell = null;
        if (Value("cell") is [var l, '-', var i] && RiskScale.IsValid(l - '0') && RiskScale.IsValid(i - '0'))
        {
            cell = new MatrixCell(RiskScale.ToLikelihood(l - '0'), RiskScale.ToImpact(i - '0'));
        }

        return new RiskFilter
        {
            Owner = Value("owner"),
            Band = Value("band"),
            Status = Enum.TryParse<StatusFilter>(Value("status"), out var status) && Enum.IsDefined(status) ? status : StatusFilter.Open,
            Council = Value("council") ?? AnyCouncil,
            ComparedWith = DateOnly.TryParseExact(Value("compare"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            Position = Enum.TryParse<MatrixPosition>(Value("position"), out var position) && Enum.IsDefined(position) ? position : MatrixPosition.Current,
            Cell = cell,
            Search = Value("search"),
        };
    }
}
