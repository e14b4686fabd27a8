using System.Globalization;
using Dashboard.Domain.Performance;

namespace Dashboard.Domain.Services;

/// <summary>One council's figures of an entered key performance standard, as typed; blank means "not printed".</summary>
public sealed record KeyStandardCouncilInput(int CouncilId, string? Baseline, string? YtdTarget, string? YtdActual, Trend? Trend);

/// <summary>
/// A key performance standard row as typed by the service's client owner. For a row linked to a catalogue
/// indicator only the commentary is theirs to write: its figures follow the indicator's values and targets.
/// </summary>
public sealed record KeyStandardInput(string? Ref, string? Description, string? Commentary, string? Source, IReadOnlyList<KeyStandardCouncilInput> Councils)
{
    public const int RefMaxLength = 30;
    public const int DescriptionMaxLength = 200;
    public const int CommentaryMaxLength = 2000;
    public const int SourceMaxLength = 300;

    public const string BaselineField = "Baseline";
    public const string YtdTargetField = "YtdTarget";
    public const string YtdActualField = "YtdActual";
    public const string TrendField = "Trend";

    private static readonly CultureInfo UkNumbers = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The input with only a commentary, for a row linked to an indicator.</summary>
    public static KeyStandardInput CommentaryOnly(string? commentary) => new(null, null, commentary, null, []);

    /// <summary>The key a council's figure's message is filed under, e.g. "2|YtdActual".</summary>
    public static string FigureKey(int councilId, string field) => string.Create(CultureInfo.InvariantCulture, $"{councilId}|{field}");

    /// <summary>Messages per field; empty when the row can be saved.</summary>
    /// <param name="linked">Whether the row takes its figures from a catalogue indicator.</param>
    /// <param name="councilIds">The councils that report side by side.</param>
    public IReadOnlyDictionary<string, string> Validate(bool linked, IReadOnlyCollection<int> councilIds)
    {
        var errors = new Dictionary<string, string>();
        if (Commentary?.Trim().Length > CommentaryMaxLength)
        {
            errors[nameof(Commentary)] = $"Keep the commentary to {CommentaryMaxLength} characters.";
        }

        if (linked)
        {
            return errors;
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            errors[nameof(Description)] = "Describe the standard as the report does, e.g. Household waste (kg).";
        }
        else if (Description.Trim().Length > DescriptionMaxLength)
        {
            errors[nameof(Description)] = $"Keep the description to {DescriptionMaxLength} characters.";
        }

        if (Ref?.Trim().Length > RefMaxLength)
        {
            errors[nameof(Ref)] = $"Keep the reference to {RefMaxLength} characters.";
        }

        if (Source?.Trim().Length > SourceMaxLength)
        {
            errors[nameof(Source)] = $"Keep the source to {SourceMaxLength} characters.";
        }

        var seen = new HashSet<int>();
        foreach (var council in Councils)
        {
            if (!councilIds.Contains(council.CouncilId) || !seen.Add(council.CouncilId))
            {
                errors[FigureKey(council.CouncilId, BaselineField)] = "That council does not report here, or is given twice.";
                continue;
            }

            foreach (var (field, text) in new[] { (BaselineField, council.Baseline), (YtdTargetField, council.YtdTarget), (YtdActualField, council.YtdActual) })
            {
                if (ParseFigure(text).Error is { } error)
                {
                    errors[FigureKey(council.CouncilId, field)] = error;
                }
            }

            if (council.Trend is { } trend && !Enum.IsDefined(trend))
            {
                errors[FigureKey(council.CouncilId, TrendField)] = "Choose Improving, Stable or Worsening, or leave the trend blank.";
            }
        }

        return errors;
    }

    /// <summary>A figure as printed: a number, or nothing at all.</summary>
    public static (decimal? Value, string? Error) ParseFigure(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        return decimal.TryParse(text.Trim(), NumberStyles.Number, UkNumbers, out var value)
            ? (value, null)
            : (null, $"\"{text.Trim()}\" is not a number: enter the figure as printed, e.g. 142.99, or leave it blank when none is printed.");
    }

    /// <summary>Writes the input onto the row; call only once <see cref="Validate"/> has found nothing.</summary>
    public void ApplyTo(KeyStandard row)
    {
        row.Commentary = Clean(Commentary);
        if (row.IsLinked)
        {
            return;
        }

        row.Ref = Clean(Ref);
        row.Description = Description!.Trim();
        row.Source = Clean(Source);
        foreach (var council in Councils)
        {
            var figure = row.Figures.FirstOrDefault(f => f.CouncilId == council.CouncilId);
            var (baseline, target, actual) = (ParseFigure(council.Baseline).Value, ParseFigure(council.YtdTarget).Value, ParseFigure(council.YtdActual).Value);
            if (baseline is null && target is null && actual is null && council.Trend is null)
            {
                // Nothing printed for this council: no row, rather than a row of blanks.
                if (figure is not null)
                {
                    row.Figures.Remove(figure);
                }

                continue;
            }

            if (figure is null)
            {
                figure = new KeyStandardFigure { CouncilId = council.CouncilId };
                row.Figures.Add(figure);
            }

            (figure.Baseline, figure.YtdTarget, figure.YtdActual, figure.Trend) = (baseline, target, actual, council.Trend);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
