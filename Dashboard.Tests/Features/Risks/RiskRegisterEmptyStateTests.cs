using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Features.Risks;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Features.Risks;

/// <summary>A council's first day: /risks before any register exists says so, and points administrators to where one is made.</summary>
public class RiskRegisterEmptyStateTests : DashboardTestContext
{
    protected override bool Seeded => false;

    private async Task<IRenderedComponent<RiskRegisterPage>> OpenAsAsync(string role)
    {
        await using (var db = await Database.OpenAsync())
        {
            db.People.Add(new Person { Name = "First User" });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        await SignInAsAsync("First User", role);
        var page = Render<RiskRegisterPage>();
        WaitUntilSettled(page, () => Assert.NotNull(page.Find("[data-testid='no-registers']")));
        return page;
    }

    [Fact]
    public async Task An_administrator_is_offered_to_create_the_first_register()
    {
        var page = await OpenAsAsync(Roles.Administrator);

        Assert.Contains("No risk registers have been set up yet.", page.Find("[data-testid='no-registers']").TextContent, StringComparison.Ordinal);
        Assert.Equal("admin/registers/new", page.FindAll("a").Single(a => a.TextContent.Contains("Create a risk register", StringComparison.Ordinal)).GetAttribute("href"));
    }

    [Fact]
    public async Task A_board_member_is_told_an_administrator_sets_them_up()
    {
        var page = await OpenAsAsync(Roles.BoardMember);

        Assert.Contains("An administrator sets them up.", page.Find("[data-testid='no-registers']").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.FindAll("a"), a => a.TextContent.Contains("Create a risk register", StringComparison.Ordinal));
    }
}

/// <summary>The same empty state on PostgreSQL.</summary>
public sealed class RiskRegisterEmptyStateTestsOnPostgres : RiskRegisterEmptyStateTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
