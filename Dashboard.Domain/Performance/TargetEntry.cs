using System.Globalization;
using Dashboard.Domain.Time;

namespace Dashboard.Domain.Performance;

/// <summary>A target as typed for one council: the year's (<paramref name="Period"/> null) or one period's. Blank removes it.</summary>
public sealed record TargetInput(int CouncilId, DateOnly? Period, string? Value);

/// <summary>A checked target: the value to store, or null to remove the target.</summary>
public sealed record TargetChange(int CouncilId, DateOnly? Period, decimal? Value);

/// <summary>
/// The checks on a financial year's targets per council, and how they are stored: a monthly or quarterly indicator
/// may have a target per period, and then the year's target follows from them the way the year to date adds up
/// (so the two never disagree); without period targets the year's target is set on its own.
/// </summary>
public static class TargetEntry
{
    public const string YearField = "Year";

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The key a target's message is filed under, so the grid can show it beside that box.</summary>
    public static string FieldKey(int councilId, DateOnly? period) =>
        string.Create(CultureInfo.InvariantCulture, $"{councilId}|{(period is { } p ? p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "year")}|Target");

    /// <summary>
    /// The financial years targets may be set for: from the first year with figures (this year when there are none)
    /// to next year, so next year's targets can be agreed before 1 April.
    /// </summary>
    public static IReadOnlyList<FinancialYear> Years(DateOnly today, DateOnly? firstFigure)
    {
        var current = FinancialYear.Of(today);
        var first = firstFigure is { } f && FinancialYear.Of(f) < current ? FinancialYear.Of(f) : current;
        return [.. Enumerable.Range(first.StartYear, current.Next.StartYear - first.StartYear + 1).Select(y => new FinancialYear(y))];
    }

    /// <summary>Checks every target typed; returns either all the changes or the messages — never some of each.</summary>
    /// <param name="pi">The indicator, with its stored targets.</param>
    /// <param name="year">The financial year the targets are for.</param>
    /// <param name="councils">The councils that report the indicator, by id, with their codes.</param>
    /// <param name="rows">The targets typed (only those changed).</param>
    /// <param name="allowedYears">The years targets may be set for (<see cref="Years"/>).</param>
    public static (IReadOnlyList<TargetChange> Changes, IReadOnlyDictionary<string, string> Errors) Check(
        PerformanceIndicator pi, FinancialYear year, IReadOnlyDictionary<int, string> councils, IReadOnlyList<TargetInput> rows, IReadOnlyList<FinancialYear> allowedYears)
    {
        var errors = new Dictionary<string, string>();
        var changes = new List<TargetChange>();
        if (pi.IsDataOnly)
        {
            errors[YearField] = $"{pi.Ref} is data only: it has no targets.";
        }
        else if (!allowedYears.Contains(year))
        {
            errors[YearField] = allowedYears.Count == 0
                ? $"Targets cannot be set for {year.Label}."
                : $"Targets can be set for {allowedYears.Min().Label} to {allowedYears.Max().Label}, not {year.Label}.";
        }

        var seen = new HashSet<(int, DateOnly?)>();
        foreach (var row in rows)
        {
            var key = FieldKey(row.CouncilId, row.Period);
            if (!councils.ContainsKey(row.CouncilId))
            {
                errors[key] = "That council does not report this indicator.";
                continue;
            }

            if (row.Period is { } period)
            {
                if (pi.Frequency == CollectionFrequency.Annual)
                {
                    errors[key] = $"{pi.Ref} is collected annually: set the year's target.";
                    continue;
                }

                if (!PiPeriods.IsPeriodStart(pi.Frequency, period) || !year.Contains(period))
                {
                    errors[key] = string.Create(Uk, $"{period:d MMM yyyy} does not start one of {pi.Ref}'s periods in {year.Label}.");
                    continue;
                }
            }

            if (!seen.Add((row.CouncilId, row.Period)))
            {
                errors[key] = "This target is given twice: give it once.";
                continue;
            }

            if (string.IsNullOrWhiteSpace(row.Value))
            {
                changes.Add(new TargetChange(row.CouncilId, row.Period, null));
            }
            else if (PiFigureEntry.ParseValue(pi, row.Value) is { Error: { } error })
            {
                errors[key] = error;
            }
            else
            {
                changes.Add(new TargetChange(row.CouncilId, row.Period, PiFigureEntry.ParseValue(pi, row.Value).Value));
            }
        }

        if (pi.Frequency != CollectionFrequency.Annual)
        {
            foreach (var yearTarget in changes.Where(c => c.Period is null && c.Value is not null))
            {
                if (PeriodTargetsAfter(pi, year, yearTarget.CouncilId, changes).Count > 0)
                {
                    errors[FieldKey(yearTarget.CouncilId, null)] =
                        $"The year's target follows from the {(pi.Frequency == CollectionFrequency.Monthly ? "monthly" : "quarterly")} targets: clear them to set the year's target on its own.";
                }
            }
        }

        return errors.Count > 0 ? ([], errors) : (changes, errors);
    }

    /// <summary>Stores checked changes on the indicator; each council's year target then follows its period targets, if it has any.</summary>
    public static void ApplyTo(PerformanceIndicator pi, FinancialYear year, IReadOnlyList<TargetChange> changes)
    {
        foreach (var change in changes)
        {
            Set(pi, change.CouncilId, year, change.Period, change.Value);
        }

        if (pi.Frequency == CollectionFrequency.Annual)
        {
            return;
        }

        foreach (var councilId in changes.Select(c => c.CouncilId).Distinct())
        {
            if (YearToDate.Of(pi.Aggregation, PeriodTargetsAfter(pi, year, councilId, [])) is { } annual)
            {
                Set(pi, councilId, year, null, annual);
            }
        }
    }

    /// <summary>A council's period targets for the year once the changes are made.</summary>
    private static List<(DateOnly Period, decimal Value)> PeriodTargetsAfter(PerformanceIndicator pi, FinancialYear year, int councilId, IReadOnlyList<TargetChange> changes)
    {
        var targets = pi.Targets.Where(t => t.CouncilId == councilId && t.FinancialYear == year.StartYear && t.PeriodStart is not null)
            .ToDictionary(t => t.PeriodStart!.Value, t => (decimal?)t.Target);
        foreach (var change in changes.Where(c => c.CouncilId == councilId && c.Period is not null))
        {
            targets[change.Period!.Value] = change.Value;
        }

        return [.. targets.Where(t => t.Value is not null).Select(t => (t.Key, t.Value!.Value))];
    }

    private static void Set(PerformanceIndicator pi, int councilId, FinancialYear year, DateOnly? period, decimal? value)
    {
        var target = pi.Targets.FirstOrDefault(t => t.CouncilId == councilId && t.FinancialYear == year.StartYear && t.PeriodStart == period);
        if (value is null)
        {
            if (target is not null)
            {
                pi.Targets.Remove(target);
            }
        }
        else if (target is null)
        {
            pi.Targets.Add(new PiTarget { CouncilId = councilId, FinancialYear = year.StartYear, PeriodStart = period, Target = value.Value });
        }
        else
        {
            target.Target = value.Value;
        }
    }
}
