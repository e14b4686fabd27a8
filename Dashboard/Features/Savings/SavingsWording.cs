using Dashboard.Components.Shared;
using Dashboard.Domain.Finance;

namespace Dashboard.Features.Savings;

/// <summary>
/// How every screen and the board pack say which savings figure they show: forecast and delivered to date are
/// always set against the target, and "not yet reported" is said in words, never shown as £0.
/// </summary>
public static class SavingsWording
{
    public const string NotYetReported = "Not yet reported";

    /// <summary>"Forecast £964,000 of £964,000 target; delivered to date not yet reported."</summary>
    public static string Statement(SavingsTotal total) =>
        total.Lines == 0
            ? "No savings lines."
            : $"Forecast {UkFormat.Money(total.Forecast)} of {UkFormat.Money(total.Target)} target; {DeliveredPhrase(total)}.";

    /// <summary>The delivered-to-date cell: "Not yet reported", "£120,000", or "£120,000 (2 of 3 lines)".</summary>
    public static string Delivered(SavingsTotal total) => total.Delivered switch
    {
        null => NotYetReported,
        { } delivered when total.DeliveredPartlyReported => $"{UkFormat.Money(delivered)} ({total.LinesReported} of {total.Lines} lines)",
        { } delivered => UkFormat.Money(delivered),
    };

    public static string Delivered(decimal? delivered) => delivered is { } d ? UkFormat.Money(d) : NotYetReported;

    private static string DeliveredPhrase(SavingsTotal total) => total.Delivered switch
    {
        null => "delivered to date not yet reported",
        { } delivered when total.DeliveredPartlyReported =>
            $"delivered to date {UkFormat.Money(delivered)} on the {total.LinesReported} of {total.Lines} lines that have reported it",
        { } delivered => $"delivered to date {UkFormat.Money(delivered)} ({UkFormat.Percent(delivered, total.Target)} of target)",
    };
}
