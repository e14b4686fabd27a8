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

    [Fact]
    public async Task The_export_holds_the_searched_changes_in_the_pages_words_and_neutralises_formulas()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await using (var db = await Database.OpenAsync())
        {
            // A name is typed by an administrator, so it may start like a formula.
            db.Actor = new("=SUM(A1) Sue Marsh", null);
            var card = await db.StatusUpdates.FirstAsync(u => u.SharedService!.Name == "Environmental Services" && u.Period == new DateOnly(2010, 12, 1), ct);
            card.Commentary = "Tree Officer appointed.";
            await db.SaveChangesAsync(ct);
        }

        await using var read = await Database.OpenAsync();
        var at = await read.AuditEntries.Where(a => a.Actor.Contains("Sue Marsh")).Select(a => a.At).SingleAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Dashboard.Domain.Time.ReportingClock.London).DateTime);
        var csv = await AuditSheet.WriteAsync(read, new Dashboard.Audit.AuditSearch(Actor: "Sue Marsh", From: today, To: today), csv: true, today, ct);
        var lines = System.Text.Encoding.UTF8.GetString(csv.Content).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("When,Who,What,Record,Changes", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Matches(@"^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2},'=SUM\(A1\) Sue Marsh,Updated status card,Environmental Services — December 2010,", row);
        Assert.Contains("Commentary: Interim structure in place with two posts still to fill", row, StringComparison.Ordinal);
        Assert.Contains("→ Tree Officer appointed.", row, StringComparison.Ordinal);

        // A day with no changes exports the headings alone.
        var before = await AuditSheet.WriteAsync(read, new Dashboard.Audit.AuditSearch(Actor: "Sue Marsh", To: today.AddDays(-1)), csv: true, today, ct);
        Assert.Single(System.Text.Encoding.UTF8.GetString(before.Content).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_changed_owner_reads_as_the_peoples_names_not_their_ids()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await using (var db = await Database.OpenAsync())
        {
            db.Actor = new("Priya Shah", null);
            var risk = await db.Risks.SingleAsync(r => r.Ref == "ICT-2", ct);
            risk.OwnerId = await db.People.Where(p => p.Name == "Chris Patel").Select(p => p.Id).SingleAsync(ct);
            await db.SaveChangesAsync(ct);
        }

        var page = Render<AuditTrailPage>();

        page.WaitForAssertion(() => Assert.Contains("Priya Shah", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var row = page.FindAll("tr").First(r => r.TextContent.Contains("ICT-2", StringComparison.Ordinal));
        Assert.Contains("Owner: Alex Morgan → Chris Patel", row.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=1%2F12%2F2010", "\"from\" must be a date written as yyyy-mm-dd, not \"1/12/2010\".")]
    [InlineData("to=yesterday", "\"to\" must be a date written as yyyy-mm-dd, not \"yesterday\".")]
    [InlineData("from=2010-12-09&to=2010-12-01", "\"from\" must not be after \"to\".")]
    public void An_export_address_with_a_bad_date_is_refused_by_name(string query, string problem)
    {
        var (search, said) = AuditSheet.SearchFrom(new Microsoft.AspNetCore.Http.QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)));
        Assert.Null(search);
        Assert.Equal(problem, said);
    }
}

public sealed class AuditTrailPageTestsOnPostgres : AuditTrailPageTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
