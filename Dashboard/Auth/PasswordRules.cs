using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Auth;

/// <summary>The password policy and link lifespans in words, from the settings in force, so what pages say stays true.</summary>
public static class PasswordRules
{
    public static string Describe(PasswordOptions rules)
    {
        var needs = new List<string>();
        if (rules.RequireUppercase)
        {
            needs.Add("a capital letter");
        }

        if (rules.RequireLowercase)
        {
            needs.Add("a small letter");
        }

        if (rules.RequireDigit)
        {
            needs.Add("a number");
        }

        if (rules.RequireNonAlphanumeric)
        {
            needs.Add("a symbol such as ! or #");
        }

        var length = string.Create(CultureInfo.InvariantCulture, $"Use at least {rules.RequiredLength} characters");
        return needs.Count switch
        {
            0 => length + ".",
            1 => $"{length}, including {needs[0]}.",
            _ => $"{length}, including {string.Join(", ", needs[..^1])} and {needs[^1]}.",
        };
    }

    /// <summary>"7 days", "24 hours", "90 minutes".</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 2 } when span.Ticks % TimeSpan.TicksPerDay == 0 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0} days"),
        { TotalHours: >= 2 } when span.Ticks % TimeSpan.TicksPerHour == 0 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0} hours"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(span.TotalMinutes):0} minutes"),
    };
}
