using System.Globalization;

namespace Dashboard.Components.Shared;

/// <summary>WCAG relative luminance and contrast for configured colours: black or white text, whichever reads better.</summary>
public static class ContrastingText
{
    public static string For(string hexBackground)
    {
        if (Luminance(hexBackground) is not { } luminance)
        {
            return "#000000";
        }

        var contrastWithBlack = (luminance + 0.05) / 0.05;
        var contrastWithWhite = 1.05 / (luminance + 0.05);
        return contrastWithBlack >= contrastWithWhite ? "#000000" : "#ffffff";
    }

    /// <summary>The WCAG contrast ratio (1 to 21) between two "#rrggbb" colours; null when either is not one.</summary>
    public static double? Ratio(string first, string second) =>
        (Luminance(first), Luminance(second)) is ({ } a, { } b) ? (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05) : null;

    private static double? Luminance(string hexColour)
    {
        var hex = hexColour.TrimStart('#');
        if (hex.Length != 6 || !int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return null;
        }

        static double Channel(int value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel((rgb >> 16) & 0xff)) + (0.7152 * Channel((rgb >> 8) & 0xff)) + (0.0722 * Channel(rgb & 0xff));
    }
}
