using Dashboard.Data;

namespace Dashboard.Tests.Support;

/// <summary>The README's demo accounts.</summary>
public static class DemoAccounts
{
    public static readonly (string Email, string Password) Administrator = ($"priya.shah@{DemoSeed.Domain}", DemoSeed.AdministratorPassword);
    public static readonly (string Email, string Password) BoardMember = ($"cllr.jordan.ellis@{DemoSeed.Domain}", DemoSeed.BoardMemberPassword);
    public static readonly (string Email, string Password) ServiceManager = ($"alex.morgan@{DemoSeed.Domain}", DemoSeed.ManagerPassword);
    public static readonly (string Email, string Password) ReportOwner = ($"dana.hughes@{DemoSeed.Domain}", DemoSeed.ReportOwnerPassword);
}
