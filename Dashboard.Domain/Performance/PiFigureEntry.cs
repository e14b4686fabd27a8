using System.Globalization;

namespace Dashboard.Domain.Performance;

/// <summary>A figure typed into the grid for one council and period; text, because a wrong type must be reported, not lost.</summary>
/// <param name="CouncilId">The council the figure is for.</param>
/// <param name="Period">The first day of the period.</param>
/// <param name="Value">The figure as typed.</param>
/// <param name="Note">The note as typed.</param>
/// <param name="Version">The version of the stored figure the person typed over; null when there was none.</param>
public sealed record PiFigureInput(int CouncilId, DateOnly Period, string? Value, string? Note = null, Guid? Version = null);

/// <summary>A figure that passed the checks.</summary>
public sealed record PiFigure(int CouncilId, DateOnly Period, decimal Value, string? Note);

/// <summary>The checks on typed indicator figures (actuals or targets), with a message per field.</summary>
public static class PiFigureEntry
{
    public const int NoteMaxLength = 500;

    private static readonly CultureInfo UkNumbers = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The key a field's message is filed under, so the grid can show it beside that field.</summary>
    public static string FieldKey(int councilId, DateOnly period, string field) =>
        string.Create(CultureInfo.InvariantCulture, $"{councilId}|{period:yyyy-MM-dd}|{field}");

    /// <summary>
    /// Checks every row and returns either all the figures or the messages — never some of each, so a
    /// save writes the whole grid or nothing.
    /// </summary>
    public static (IReadOnlyList<PiFigure> Figures, IReadOnlyDictionary<string, string> Errors) Check(
        PerformanceIndicator pi, IReadOnlyDictionary<int, string> councils, IReadOnlyList<PiFigureInput> rows, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var figures = new List<PiFigure>();
        var seen = new HashSet<(int, DateOnly)>();
        foreach (var row in rows)
        {
            var periodKey = FieldKey(row.CouncilId, row.Period, "Period");
            var valueKey = FieldKey(row.CouncilId, row.Period, "Value");
            if (!councils.TryGetValue(row.CouncilId, out var council))
            {
                errors[periodKey] = "That council does not report this indicator.";
                continue;
            }

            if (!PiPeriods.IsPeriodStart(pi.Frequency, row.Period))
            {
                errors[periodKey] = string.Create(UkNumbers, $"{pi.Ref} is collected {FrequencyWords(pi.Frequency)}: {row.Period:d MMM yyyy} is not the start of one of its periods.");
            }
            else if (row.Period > today)
            {
                errors[periodKey] = string.Create(UkNumbers, $"The period starting {row.Period:d MMM yyyy} has not begun yet.");
            }
            else if (!seen.Add((row.CouncilId, row.Period)))
            {
                errors[periodKey] = $"{council} has this period twice; enter each period once.";
            }

            if (row.Note is { Length: > NoteMaxLength })
            {
                errors[FieldKey(row.CouncilId, row.Period, "Note")] = $"Keep the note to {NoteMaxLength} characters.";
            }

            var (value, error) = ParseValue(pi, row.Value);
            if (error is not null)
            {
                errors[valueKey] = error;
            }
            else if (value is { } figure)
            {
                figures.Add(new PiFigure(row.CouncilId, row.Period, figure, string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim()));
            }
        }

        return errors.Count > 0 ? ([], errors) : (figures, errors);
    }

    /// <summary>Reads a typed figure in the indicator's unit; a percentage may carry its % sign.</summary>
    public static (decimal? Value, string? Error) ParseValue(PerformanceIndicator pi, string? text)
    {
        var unitWords = pi.Unit == "%" ? "a percentage" : $"a number of {pi.Unit}";
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, $"Enter {unitWords}.");
        }

        var trimmed = text.Trim();
        if (pi.Unit == "%" && trimmed.EndsWith('%'))
        {
            trimmed = trimmed[..^1].TrimEnd();
        }

        if (!decimal.TryParse(trimmed, NumberStyles.Number, UkNumbers, out var value))
        {
            return (null, $"\"{text.Trim()}\" is not a number: enter {unitWords}, e.g. {Example(pi)}.");
        }

        if (value < 0 && !pi.AllowsNegative)
        {
            return (null, $"{pi.Unit} cannot be negative for {pi.Ref}.");
        }

        if (pi.Unit == "%" && value > 100)
        {
            return (null, "A percentage cannot be more than 100.");
        }

        return (value, null);
    }

    private static string Example(PerformanceIndicator pi) => pi.Unit == "%" ? "43.06" : (48.71m).ToString("N" + pi.DecimalPlaces, UkNumbers);

    private static string FrequencyWords(CollectionFrequency frequency) => frequency switch
    {
        CollectionFrequency.Monthly => "monthly",
        CollectionFrequency.Quarterly => "quarterly (April, July, October, January)",
        _ => "annually (from 1 April)",
    };
}
