namespace Dashboard.Components.Charts;

/// <summary>
/// Series colours that stay at least 3:1 against both the light theme's white and the dark theme's surfaces, since a
/// chart's colours are fixed when it is drawn and the reader may switch theme at any time.
/// </summary>
public static class ChartPalette
{
    /// <summary>One colour per series: blue, purple, green, orange.</summary>
    public static IReadOnlyList<string> Series { get; } = ["#4189d9", "#b463e6", "#43a047", "#e8590c"];

    /// <summary>Stable or improving, met target, projected to meet: the same three colours on every summary chart.</summary>
    public static IReadOnlyList<string> SummaryFigures { get; } = [Series[0], Series[2], Series[1]];

    public static string For(int seriesIndex) => Series[seriesIndex % Series.Count];

    /// <summary>
    /// Green, Amber and Red bars: hues a reader matches to the RAG badges, lightened from the badges' own so a bar is
    /// visible on a dark page (the legend and the data table carry the words).
    /// </summary>
    public static IReadOnlyList<string> Rag { get; } = ["#43a047", "#ffb300", "#ef5350"];
}
