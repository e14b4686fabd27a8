using Dashboard.Components.Shared;
using Dashboard.Domain.Services;

namespace Dashboard.Features.Services;

/// <summary>Entered key performance standard figures written as the councils print them.</summary>
public static class KeyStandardFormat
{
    /// <summary>The figure with as many decimals as it has, no more: 142.99, 578, 1,234.5.</summary>
    public static string Figure(decimal value) => value.ToString("#,##0.####", UkFormat.Culture);

    /// <summary>A stored figure as an input box shows it: no thousands separators, so it reads back exactly.</summary>
    public static string? Editable(decimal? value) => value?.ToString("0.####", UkFormat.Culture);

    /// <summary>A one-line summary of an entered row's figures for one council, e.g. "BDC: YTD target 142.99, YTD actual 146.98, Worsening".</summary>
    public static string Summary(string councilCode, KeyStandardFigure? figure)
    {
        if (figure is null)
        {
            return $"{councilCode}: nothing printed";
        }

        var parts = new List<string>();
        if (figure.Baseline is { } baseline)
        {
            parts.Add($"baseline {Figure(baseline)}");
        }

        if (figure.YtdTarget is { } target)
        {
            parts.Add($"YTD target {Figure(target)}");
        }

        if (figure.YtdActual is { } actual)
        {
            parts.Add($"YTD actual {Figure(actual)}");
        }

        if (figure.Trend is { } trend)
        {
            parts.Add(Dashboard.Domain.Performance.Trends.Word(trend));
        }

        return $"{councilCode}: {string.Join(", ", parts)}";
    }
}
