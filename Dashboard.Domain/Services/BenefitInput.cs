namespace Dashboard.Domain.Services;

/// <summary>
/// A benefits realisation row as typed: an expected result from the business case with the actual result to date
/// and commentary, another benefit not in the business case (with commentary), or a paragraph of the overall
/// performance summary and issues for the board (text only).
/// </summary>
public sealed record BenefitInput(string? Expected, string? ActualToDate, string? Commentary)
{
    public const int TextMaxLength = 2000;

    /// <summary>Messages per field; empty when the row can be saved.</summary>
    public IReadOnlyDictionary<string, string> Validate(BenefitKind kind)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(kind))
        {
            errors[nameof(Expected)] = "That is not a part of the benefits realisation report.";
            return errors;
        }

        if (string.IsNullOrWhiteSpace(Expected))
        {
            errors[nameof(Expected)] = kind switch
            {
                BenefitKind.BusinessCase => "Describe the expected result, as the business case puts it.",
                BenefitKind.Other => "Describe the benefit achieved.",
                _ => "Write the summary or issue for the board.",
            };
        }

        foreach (var (field, text) in new[] { (nameof(Expected), Expected), (nameof(ActualToDate), UsesActual(kind) ? ActualToDate : null), (nameof(Commentary), UsesCommentary(kind) ? Commentary : null) })
        {
            if (text?.Trim().Length > TextMaxLength)
            {
                errors[field] = $"Keep this to {TextMaxLength} characters.";
            }
        }

        return errors;
    }

    /// <summary>Only expected results have an actual result to date.</summary>
    public static bool UsesActual(BenefitKind kind) => kind == BenefitKind.BusinessCase;

    /// <summary>The summary for the board is text alone; the other rows explain themselves in a commentary.</summary>
    public static bool UsesCommentary(BenefitKind kind) => kind != BenefitKind.OverallSummary;

    /// <summary>Writes the input onto the row; call only once <see cref="Validate"/> has found nothing.</summary>
    public void ApplyTo(BenefitEntry entry)
    {
        entry.Expected = Expected!.Trim();
        entry.ActualToDate = UsesActual(entry.Kind) ? Clean(ActualToDate) : null;
        entry.Commentary = UsesCommentary(entry.Kind) ? Clean(Commentary) : null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>How a table's rows are put in order: moving one row swaps it with its neighbour.</summary>
public static class RowOrder
{
    /// <summary>
    /// The rows in their new order after moving the one at <paramref name="index"/> up (<paramref name="by"/> -1) or
    /// down (+1); the order is unchanged when the row is already first or last.
    /// </summary>
    public static IReadOnlyList<T> Move<T>(IReadOnlyList<T> rows, int index, int by)
    {
        var list = rows.ToList();
        var to = index + Math.Sign(by);
        if (index < 0 || index >= list.Count || to < 0 || to >= list.Count)
        {
            return list;
        }

        (list[index], list[to]) = (list[to], list[index]);
        return list;
    }
}
