using System.Globalization;

namespace Dashboard.Domain.Finance;

/// <summary>Sums of money as people type them: "450000", "£450,000", "450,000.50".</summary>
public static class Money
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The amount in pounds, or null when the text is not a sum of money (blank text is not).</summary>
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var plain = text.Trim().Replace("£", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, British, out var amount)
               && decimal.Round(amount, 2) == amount
            ? amount
            : null;
    }

    /// <summary>How the amount is shown in an input box: "450000" or "450000.50".</summary>
    public static string Editable(decimal amount) => amount.ToString(amount == decimal.Truncate(amount) ? "0" : "0.00", CultureInfo.InvariantCulture);
}
