using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Components.Charts;

/// <summary>
/// The subset of ApexCharts options the dashboard uses, typed so a misspelt option fails to compile rather
/// than being ignored silently in the browser. Null members are left out of the JSON.
/// </summary>
public sealed record ChartOptions
{
    public required ChartSettings Chart { get; init; }

    public required IReadOnlyList<ChartSeries> Series { get; init; }

    public ChartAxis? Xaxis { get; init; }

    public ChartYAxis? Yaxis { get; init; }

    public ChartStroke? Stroke { get; init; }

    public ChartAnnotations? Annotations { get; init; }

    public IReadOnlyList<string>? Colors { get; init; }

    public ChartTooltip? Tooltip { get; init; }

    public ChartDataLabels? DataLabels { get; init; }

    public ChartLegend? Legend { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public sealed record ChartSettings(string Type, int Height)
{
    public string? Width { get; init; }

    public ChartZoom? Zoom { get; init; }

    public ChartToolbar? Toolbar { get; init; }

    public ChartSparkline? Sparkline { get; init; }

    public ChartAnimations? Animations { get; init; }

    public string? FontFamily { get; init; }
}

public sealed record ChartZoom(bool Enabled, string Type = "x");

public sealed record ChartToolbar(bool Show);

public sealed record ChartSparkline(bool Enabled);

public sealed record ChartAnimations(bool Enabled);

/// <summary>A named series; a point whose Y is null is a gap in the line, never a zero.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Data);

public sealed record ChartPoint(
    [property: JsonPropertyName("x")] object X,
    [property: JsonPropertyName("y"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? Y)
{
    /// <summary>ApexCharts' datetime axis counts milliseconds since 1970 (UTC).</summary>
    public static ChartPoint At(DateOnly date, decimal? y) => new(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds(), y);
}

public sealed record ChartAxis(string Type)
{
    public ChartAxisTitle? Title { get; init; }

    public ChartAxisLabels? Labels { get; init; }
}

public sealed record ChartYAxis
{
    public ChartAxisTitle? Title { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public int? DecimalsInFloat { get; init; }
}

public sealed record ChartAxisTitle(string Text);

public sealed record ChartAxisLabels(string? Format = null, bool DatetimeUTC = true);

/// <summary>Per-series line widths and dash lengths (0 = solid), so targets can be drawn dashed.</summary>
public sealed record ChartStroke(IReadOnlyList<int> Width, IReadOnlyList<int>? DashArray = null, string Curve = "straight");

public sealed record ChartAnnotations(IReadOnlyList<ChartXAnnotation> Xaxis);

public sealed record ChartXAnnotation(long X, ChartAnnotationLabel Label)
{
    public string BorderColor { get; init; } = "#767676";

    public static ChartXAnnotation At(DateOnly date, string text) =>
        new(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds(), new ChartAnnotationLabel(text));
}

public sealed record ChartAnnotationLabel(string Text)
{
    public string Orientation { get; init; } = "horizontal";
}

public sealed record ChartTooltip(bool Shared = true, ChartTooltipX? X = null);

public sealed record ChartTooltipX(string Format);

public sealed record ChartDataLabels(bool Enabled);

public sealed record ChartLegend(bool Show = true, string Position = "top");
