using System.Globalization;

namespace Dashboard.Components.Shared;

/// <summary>Dates and money as the councils write them: "9 December 2010", "£450,000".</summary>
public static class UkFormat
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    public static string Month(DateOnly date) => date.ToString("MMMM yyyy", Culture);

    /// <summary>When something was saved, on the councils' clock: "14:05 on 9 Dec 2010".</summary>
    public static string SavedAt(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Dashboard.Domain.Time.ReportingClock.London).ToString("HH:mm 'on' d MMM yyyy", Culture);

    public static string Money(decimal amount) => amount.ToString("C0", Culture);

    public static string Percent(decimal part, decimal whole) => whole == 0 ? "–" : (part / whole).ToString("P0", Culture);
}
