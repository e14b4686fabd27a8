using System.Globalization;

namespace Dashboard.Domain.Performance;

/// <summary>An administrator's changes to an indicator's catalogue entry, as typed.</summary>
public sealed record CatalogueInput(
    string? Description,
    Polarity Polarity,
    string? TolerancePercent,
    bool IsDataOnly,
    IReadOnlyDictionary<int, string?> Baselines)
{
    public const int DescriptionMaxLength = 200;

    /// <summary>Messages per field ("Baseline:{councilId}" for a council's baseline); empty when all is well.</summary>
    public IReadOnlyDictionary<string, string> Validate(PerformanceIndicator pi)
    {
        var errors = new Dictionary<string, string>();
        CheckDescriptionAndTolerance(Description, TolerancePercent, errors);

        foreach (var (councilId, text) in Baselines)
        {
            if (!string.IsNullOrWhiteSpace(text) && PiFigureEntry.ParseValue(pi, text).Error is { } error)
            {
                errors[BaselineKey(councilId)] = error;
            }
        }

        return errors;
    }

    public decimal Tolerance => ParseTolerance(TolerancePercent)!.Value;

    /// <summary>The description and tolerance rules every catalogue entry follows, new or changed.</summary>
    internal static void CheckDescriptionAndTolerance(string? description, string? tolerancePercent, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            errors[nameof(Description)] = "Describe the indicator.";
        }
        else if (description.Trim().Length > DescriptionMaxLength)
        {
            errors[nameof(Description)] = $"Keep the description to {DescriptionMaxLength} characters.";
        }

        if (ParseTolerance(tolerancePercent) is not (>= 0 and <= 100))
        {
            errors[nameof(TolerancePercent)] = "Enter the tolerance as a percentage of the target, from 0 to 100.";
        }
    }

    internal static decimal? ParseTolerance(string? text) =>
        decimal.TryParse(text?.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.GetCultureInfo("en-GB"), out var tolerance) ? tolerance : null;

    public static string BaselineKey(int councilId) => string.Create(CultureInfo.InvariantCulture, $"Baseline:{councilId}");
}
