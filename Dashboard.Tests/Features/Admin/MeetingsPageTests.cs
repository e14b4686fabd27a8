using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Reminders;
using Dashboard.Features.Admin;
using Dashboard.Features.Reminders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Features.Admin;

/// <summary>The administrator's meetings and bank holidays page on the demo (today 9 December 2010).</summary>
public class MeetingsPageTests : DashboardTestContext
{
    public MeetingsPageTests()
    {
        Services.AddSingleton(new ReminderRules(
            DeadlineRules.Default, ReminderLadder.Default, new WorkingCalendar([new DateOnly(2010, 12, 27), new DateOnly(2010, 12, 28), new DateOnly(2011, 1, 3)]),
            new Uri("http://dashboard.example/")));
        Services.AddScoped<ReminderQueries>();
        Services.AddScoped<MeetingCommands>();
        Services.AddScoped<BankHolidayCommands>();
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private IRenderedComponent<MeetingsPage> Open()
    {
        Render<MudPopoverProvider>();
        var page = Render<MeetingsPage>();
        WaitUntilSettled(page, () => Assert.NotEmpty(page.FindAll(".meetings-upcoming tbody tr")));
        return page;
    }

    private static List<string> Upcoming(IRenderedComponent<MeetingsPage> page) =>
        [.. page.FindAll(".meetings-upcoming tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Take(4).Select(Text)))];

    // A cell's words; the items of a list in it separated by "; ".
    private static string Text(AngleSharp.Dom.IElement cell) => cell.QuerySelectorAll("li") is { Length: > 0 } items
        ? string.Join("; ", items.Select(Text))
        : string.Join(" ", cell.TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));

    private static AngleSharp.Dom.IElement UpcomingRow(IRenderedComponent<MeetingsPage> page, string date) =>
        page.FindAll(".meetings-upcoming tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == date);

    [Fact]
    public async Task Upcoming_meetings_show_the_updates_due_before_each_and_past_ones_link_to_their_packs()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);

        var page = Open();

        Assert.Equal(
            "9 December 2010 | Shared Services Board | Town Hall, Redditch | Status cards for December 2010: 7 Dec 2010; Highlight reports of Amber and Red projects: 2 Dec 2010",
            Upcoming(page)[0]);
        Assert.Equal(4, Upcoming(page).Count);
        Assert.Equal(3, page.FindAll(".meetings-past tbody tr").Count);
        Assert.Contains("Pack from live figures", page.Find(".meetings-past tbody tr").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Mon 27 Dec 2010", "Tue 28 Dec 2010", "Mon 3 Jan 2011"], page.FindAll(".bank-holidays tbody tr td:first-child").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task An_administrator_adds_a_meeting_and_a_date_already_taken_is_explained_beside_the_field()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var page = Open();

        // Each step on the renderer: on PostgreSQL a render can land between finding an element and using it.
        await page.InvokeAsync(() => page.Find("input[data-field='Date'], [data-field='Date'] input").Change("2011-01-13"));
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Add meeting").Click());
        page.WaitForAssertion(() => Assert.Contains("The board already meets on 13 January 2011: two meetings cannot share a date.",
            page.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent)), TimeSpan.FromSeconds(10));

        await page.InvokeAsync(() => page.Find("input[data-field='Date'], [data-field='Date'] input").Change("2011-04-14"));
        await page.InvokeAsync(() => page.Find("input[data-field='Venue'], [data-field='Venue'] input").Change("Town Hall, Redditch"));
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Add meeting").Click());

        page.WaitForAssertion(() => Assert.Equal(5, Upcoming(page).Count), TimeSpan.FromSeconds(10));
        Assert.StartsWith("14 April 2011 | Shared Services Board | Town Hall, Redditch | Status cards for April 2011: 12 Apr 2011", Upcoming(page)[4], StringComparison.Ordinal);
        Assert.Equal("Shared Services Board", page.Find("input[data-field='Title'], [data-field='Title'] input").GetAttribute("value"));
    }

    [Fact]
    public async Task Cancelling_asks_first_keeps_the_meeting_listed_as_cancelled_and_moves_its_updates_to_the_next_meeting()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var dialogs = Render<MudDialogProvider>();
        var page = Open();

        UpcomingRow(page, "13 January 2011").QuerySelectorAll("button").Single(b => b.TextContent.StartsWith("Cancel", StringComparison.Ordinal)).Click();
        WaitUntilSettled(dialogs, () => Assert.Contains("The meeting of 13 January 2011 will stay listed as cancelled.", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel the meeting").Click();

        page.WaitForAssertion(() => Assert.Contains("Cancelled by Priya Shah at 10:00 on 9 Dec 2010", UpcomingRow(page, "13 January 2011").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(UpcomingRow(page, "13 January 2011").QuerySelectorAll("button"));
        Assert.Contains("Status cards for January 2011: 8 Feb 2011", UpcomingRow(page, "10 February 2011").TextContent, StringComparison.Ordinal);
        await using var db = await Database.OpenAsync();
        Assert.NotNull((await db.BoardMeetings.SingleAsync(m => m.Date == new DateOnly(2011, 1, 13), Ct)).CancelledAt);
    }
}

public sealed class MeetingsPageTestsOnPostgres : MeetingsPageTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
