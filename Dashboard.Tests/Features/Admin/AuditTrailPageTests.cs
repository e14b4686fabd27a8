using Bunit;
using Dashboard.Features.Admin;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Features.Admin;

public class AuditTrailPageTests : DashboardTestContext
{
    [Fact]
    public async Task Shows_a_change_with_who_made_it_and_the_old_and_new_values()
    {
        await using (var db = await Database.OpenAsync())
        {
            db.Actor = new("Sue Marsh", null);
            var card = await db.StatusUpdates.FirstAsync(u => u.SharedService!.Name == "Environmental Services" && u.Period == new DateOnly(2010, 12, 1), Xunit.TestContext.Current.CancellationToken);
            card.Commentary = "Tree Officer appointed; <b>one</b> vacancy left.";
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var page = Render<AuditTrailPage>();

        page.WaitForAssertion(() => Assert.Contains("Sue Marsh", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var row = page.FindAll("tr").First(r => r.TextContent.Contains("Sue Marsh", StringComparison.Ordinal));
        Assert.Contains("Updated status card", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Environmental Services — December 2010", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Commentary:", row.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}", row.QuerySelector("td")!.TextContent);
        Assert.Contains("Interim structure in place with two posts still to fill", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tree Officer appointed; <b>one</b> vacancy left.", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(row.QuerySelectorAll("b"));
    }
}

public sealed class AuditTrailPageTestsOnPostgres : AuditTrailPageTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
