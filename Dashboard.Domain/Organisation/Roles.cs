namespace Dashboard.Domain.Organisation;

/// <summary>The sign-in roles. The names are shown to administrators as they are written here.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string BoardMember = "Board member";
    public const string ServiceManager = "Service manager";
    public const string ReportOwner = "Report owner";

    public static IReadOnlyList<string> All { get; } = [Administrator, BoardMember, ServiceManager, ReportOwner];
}
