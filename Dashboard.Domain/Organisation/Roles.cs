namespace Dashboard.Domain.Organisation;

/// <summary>The sign-in roles. The names are shown to administrators as they are written here.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string BoardMember = "Board member";
    public const string ServiceManager = "Service manager";
    public const string ReportOwner = "Report owner";

    public static IReadOnlyList<string> All { get; } = [Administrator, BoardMember, ServiceManager, ReportOwner];

    /// <summary>Roles as a spreadsheet cell lists them: separated by commas or semicolons, in any case.</summary>
    /// <returns>The roles, in the order of <see cref="All"/>, or the first word that is not a role.</returns>
    public static (IReadOnlyList<string> Roles, string? NotARole) Parse(string? text)
    {
        var words = (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.FirstOrDefault(w => !All.Contains(w, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            return ([], unknown);
        }

        return (All.Where(r => words.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList(), null);
    }
}
