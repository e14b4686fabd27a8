namespace Dashboard.Domain.Finance;

/// <summary>One line's figures, as the totals need them; <see cref="CouncilCode"/> null when not split between the councils.</summary>
public sealed record SavingsFigures(string? CouncilCode, decimal Target, decimal Forecast, decimal? Delivered);

/// <summary>A group of lines added up: target, forecast, and delivered to date over the lines that have reported it.</summary>
public sealed record SavingsTotal(decimal Target, decimal Forecast, decimal? Delivered, int Lines, int LinesReported)
{
    public static SavingsTotal Of(IEnumerable<SavingsFigures> lines)
    {
        var list = lines.ToList();
        var reported = list.Where(l => l.Delivered is not null).ToList();
        return new SavingsTotal(
            list.Sum(l => l.Target),
            list.Sum(l => l.Forecast),
            reported.Count == 0 ? null : reported.Sum(l => l.Delivered!.Value),
            list.Count,
            reported.Count);
    }

    /// <summary>No line has reported delivered to date: nothing is known, which is not the same as nothing delivered.</summary>
    public bool DeliveredNotReported => LinesReported == 0;

    /// <summary>Some lines have reported and some not, so <see cref="Delivered"/> understates the whole.</summary>
    public bool DeliveredPartlyReported => LinesReported > 0 && LinesReported < Lines;
}

/// <summary>
/// A year's savings per council and for both councils. The "both councils" total adds up the councils' lines only:
/// a saving the papers do not split between the councils (the single management team's, §7.1) is listed beside
/// the totals, not in them, because it cannot be put in either council's budget and may already be counted in
/// the councils' own figures.
/// </summary>
public sealed record SavingsSummary(IReadOnlyList<(string CouncilCode, SavingsTotal Total)> Councils, SavingsTotal BothCouncils, SavingsTotal? NotSplit)
{
    /// <param name="councilCodes">Every council, so one without lines still shows (with nothing).</param>
    /// <param name="lines">The year's lines.</param>
    public static SavingsSummary Of(IEnumerable<string> councilCodes, IEnumerable<SavingsFigures> lines)
    {
        var list = lines.ToList();
        var councils = councilCodes.Order(StringComparer.Ordinal)
            .Select(code => (code, SavingsTotal.Of(list.Where(l => l.CouncilCode == code))))
            .ToList();
        var notSplit = list.Where(l => l.CouncilCode is null).ToList();
        return new SavingsSummary(
            councils,
            SavingsTotal.Of(list.Where(l => l.CouncilCode is not null)),
            notSplit.Count == 0 ? null : SavingsTotal.Of(notSplit));
    }

    public bool IsEmpty => BothCouncils.Lines == 0 && NotSplit is null;
}
