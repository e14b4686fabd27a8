using Bunit;
using Dashboard.Domain.Finance;
using Dashboard.Domain.Organisation;
using Dashboard.Features.Savings;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Features.Savings;

/// <summary>The savings page as each kind of user sees and uses it, on the demo's 2010/11 figures.</summary>
public class SavingsPageTests : DashboardTestContext
{
    public SavingsPageTests() => Services.AddScoped<SavingsCommands>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private IRenderedComponent<SavingsPage> Open()
    {
        Render<MudPopoverProvider>();
        var page = Render<SavingsPage>();
        WaitUntilSettled(page, () => Assert.Equal(3, page.FindAll(".savings-lines tbody tr").Count));
        return page;
    }

    // A row as read on a wide screen (a phone shows the council's code instead of its name).
    private static string Row(IRenderedComponent<SavingsPage> page, string council) =>
        string.Join(" | ", page.FindAll($".savings-totals tr[data-council='{council}'] th, .savings-totals tr[data-council='{council}'] td")
            .Select(c => (c.QuerySelector(".d-sm-inline") ?? c).TextContent.Trim()));

    private static AngleSharp.Dom.IElement LineRow(IRenderedComponent<SavingsPage> page, string council) =>
        page.FindAll(".savings-lines tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == council);

    private static void Field(IRenderedComponent<SavingsPage> page, string field, string text) =>
        page.Find($"[data-field='{field}'] input, input[data-field='{field}'], [data-field='{field}'] textarea, textarea[data-field='{field}']").Change(text);

    private static void Click(IRenderedComponent<SavingsPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click();

    private async Task<SavingsLine> LineAsync(string code)
    {
        await using var db = await Database.OpenAsync();
        return await db.SavingsLines.AsNoTracking().SingleAsync(l => l.FinancialYear == 2010 && l.Council!.Code == code, Ct);
    }

    [Fact]
    public async Task A_board_member_reads_the_reports_figures_with_their_source_and_delivered_to_date_in_words()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);

        var page = Open();

        Assert.Equal("Bromsgrove District Council | £450,000 | £450,000 | Not yet reported", Row(page, "BDC"));
        Assert.Equal("Redditch Borough Council | £514,000 | £514,000 | Not yet reported", Row(page, "RBC"));
        Assert.Equal("Both councils | £964,000 | £964,000 | Not yet reported", Row(page, "Both"));
        Assert.Equal("Not split between the councils (not in the totals) | £330,000 | £330,000 | Not yet reported", Row(page, "NotSplit"));
        Assert.Equal("Both councils: Forecast £964,000 of £964,000 target; delivered to date not yet reported.", page.Find(".savings-statement").TextContent.Trim());
        Assert.Equal(["Progress report §7.2", "Progress report §7.2", "Progress report §7.1"], page.FindAll(".savings-lines .source-tag").Select(t => t.TextContent.Trim()));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Update", StringComparison.Ordinal) || b.TextContent.Contains("Remove", StringComparison.Ordinal) || b.TextContent.Contains("Add a savings line", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_lines_owner_reports_delivered_to_date_on_their_line_and_only_theirs()
    {
        await SignInAsAsync("Dana Hughes", Roles.ReportOwner);
        var page = Open();
        Assert.Single(page.FindAll(".savings-lines button"), b => b.TextContent.StartsWith("Update", StringComparison.Ordinal));

        LineRow(page, "BDC").QuerySelector("button")!.Click();
        Assert.True(page.Find("[data-field='Target'] input, input[data-field='Target']").HasAttribute("disabled"));
        Field(page, "Forecast", "440,000");
        Field(page, "Delivered", "120000");
        Click(page, "Save changes");

        page.WaitForAssertion(() => Assert.Equal("Bromsgrove District Council | £450,000 | £440,000 | £120,000", Row(page, "BDC")), TimeSpan.FromSeconds(10));
        Assert.Equal("Both councils | £964,000 | £954,000 | £120,000 (1 of 2 lines)", Row(page, "Both"));
        var saved = await LineAsync("BDC");
        Assert.Equal((440_000m, (decimal?)120_000m), (saved.Forecast, saved.Delivered));
    }

    [Fact]
    public async Task A_negative_forecast_is_refused_beside_the_field_and_nothing_is_saved()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var page = Open();

        LineRow(page, "RBC").QuerySelector("button")!.Click();
        Field(page, "Forecast", "-5");
        Click(page, "Save changes");

        page.WaitForAssertion(() => Assert.Contains("The savings line has not been saved", page.Find("[data-testid='savings-refused']").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("The forecast cannot be negative.", page.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent));
        Assert.Equal(514_000m, (await LineAsync("RBC")).Forecast);
    }

    [Fact]
    public async Task What_is_being_typed_survives_a_live_refresh_and_saving_over_someone_elses_change_shows_theirs_first()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var page = Open();
        LineRow(page, "RBC").QuerySelector("button")!.Click();
        Field(page, "Commentary", "My commentary, typed before the other save.");

        var rbc = await LineAsync("RBC");
        var other = new SavingsCommands(Database.Factory, await TestUsers.CurrentUserAsync(Database, "Priya Shah", Roles.Administrator), Notifier);
        var input = new SavingsLineInput
        {
            CouncilId = rbc.CouncilId, FinancialYear = 2010, Description = rbc.Description, OwnerId = rbc.OwnerId,
            Target = "514000", Forecast = "514000", Delivered = "200000", Commentary = rbc.Commentary,
        };
        Assert.True((await other.SaveAsync(rbc.Id, rbc.Version, input, Ct)).Result.Succeeded);

        page.WaitForAssertion(() => Assert.Equal("Redditch Borough Council | £514,000 | £514,000 | £200,000", Row(page, "RBC")), TimeSpan.FromSeconds(10));
        var commentary = page.Find("[data-field='Commentary'] textarea, textarea[data-field='Commentary']");
        Assert.Equal("My commentary, typed before the other save.", commentary.GetAttribute("value") ?? commentary.TextContent);

        Click(page, "Save changes");
        page.WaitForAssertion(() => Assert.Contains("delivered to date £200,000", page.Find("[data-testid='savings-newer']").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(SavingsCommands.SavedMeanwhile, page.Find("[data-testid='savings-refused']").TextContent.Trim());
        Assert.Equal(rbc.Commentary, (await LineAsync("RBC")).Commentary);

        Click(page, "Save changes");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-field='Commentary']")), TimeSpan.FromSeconds(10));
        Assert.Equal("My commentary, typed before the other save.", (await LineAsync("RBC")).Commentary);
    }

    [Fact]
    public async Task Removing_a_line_asks_first_and_the_totals_follow()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var dialogs = Render<MudDialogProvider>();
        var page = Open();

        LineRow(page, "Both, not split").QuerySelectorAll("button").Single(b => b.TextContent.StartsWith("Remove", StringComparison.Ordinal)).Click();
        WaitUntilSettled(dialogs, () => Assert.Contains("\"Single management team\" (both councils, not split, 2010/11, target £330,000) will be removed", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove the line").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".savings-lines tbody tr").Count), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll(".savings-totals tr[data-council='NotSplit']"));
        await using var db = await Database.OpenAsync();
        Assert.False(await db.SavingsLines.AnyAsync(l => l.FinancialYear == 2010 && l.CouncilId == null, Ct));
    }
}

public sealed class SavingsPageTestsOnPostgres : SavingsPageTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
