using Bunit;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Meetings;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Reminders;
using Dashboard.Features.Admin;
using Dashboard.Features.Reminders;
using Dashboard.Live;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Admin;

/// <summary>
/// The board's meetings and bank holidays changed through the commands the page calls: administrators only (checked on
/// the server, whoever calls), bad input saves nothing, and the deadlines people see follow at once.
/// </summary>
public class MeetingCommandsTests : DashboardTestContext
{
    private static readonly DateOnly December9 = new(2010, 12, 9);

    private static readonly ReminderRules Rules = new(
        DeadlineRules.Default, ReminderLadder.Default, new WorkingCalendar([new DateOnly(2010, 12, 27), new DateOnly(2010, 12, 28), new DateOnly(2011, 1, 3)]),
        new Uri("http://dashboard.example/"));

    private MeetingCommands meetings = null!;
    private BankHolidayCommands holidays = null!;

    public MeetingCommandsTests()
    {
        Services.AddSingleton(Rules);
        Services.AddScoped<ReminderQueries>();
    }

    /// <summary>
    /// The commands as this person calls them. The page under test ("My updates due") is signed in separately as the
    /// person whose deadlines it shows, so one test can act as an administrator and look as a manager.
    /// </summary>
    private async Task ActAsAsync(string personName, params string[] roles)
    {
        var user = await TestUsers.CurrentUserAsync(Database, personName, roles);
        meetings = new MeetingCommands(Database.Factory, user, new Dashboard.Domain.Time.ReportingClock(Time, new DateOnly(2010, 12, 9)), Notifier);
        holidays = new BankHolidayCommands(Database.Factory, user, Rules, Notifier);
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<BoardMeeting> MeetingOnAsync(DateOnly date)
    {
        await using var db = await Database.OpenAsync();
        return await db.BoardMeetings.AsNoTracking().SingleAsync(m => m.Date == date, Ct);
    }

    private async Task<List<BoardMeeting>> AllMeetingsAsync()
    {
        await using var db = await Database.OpenAsync();
        return await db.BoardMeetings.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct);
    }

    /// <summary>What Rosa Grant (Payroll) is told on "My updates due" about Payroll's December card (the test signs her in).</summary>
    private string PayrollDecemberCard()
    {
        var page = Render<MyUpdatesDuePage>();
        string row = "";
        page.WaitForAssertion(() => row = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Payroll: status card for December 2010", StringComparison.Ordinal)).TextContent,
            TimeSpan.FromSeconds(10));
        return row;
    }

    [Fact]
    public async Task An_administrator_adds_a_meeting_with_the_default_title_audited_and_announced()
    {
        await ActAsAsync("Priya Shah", Roles.Administrator);
        using var announced = new Announcements(Notifier);

        var (result, id) = await meetings.AddAsync(new MeetingInput { Date = new DateOnly(2011, 4, 14), Venue = " Town Hall, Redditch " }, Ct);

        Assert.True(result.Succeeded);
        var added = await MeetingOnAsync(new DateOnly(2011, 4, 14));
        Assert.Equal((id, "Shared Services Board", "Town Hall, Redditch", (DateTimeOffset?)null), (added.Id, added.Title, added.Location, added.CancelledAt));
        var change = Assert.Single(await announced.AfterFirstAsync());
        Assert.Equal((ChangeArea.Meetings, id, "Board meeting of 14 April 2011 added"), (change.Area, change.EntityId, change.Summary));
        await using var db = await Database.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(BoardMeeting) && a.EntityId == id.ToString() && a.Action == AuditAction.Created, Ct));
    }

    [Fact]
    public async Task Someone_who_is_not_an_administrator_cannot_add_move_or_cancel_a_meeting_or_change_the_bank_holidays_whoever_calls()
    {
        await ActAsAsync("Alex Morgan", Roles.ServiceManager, Roles.ReportOwner);
        var before = await AllMeetingsAsync();
        var december = await MeetingOnAsync(December9);

        var added = await meetings.AddAsync(new MeetingInput { Date = new DateOnly(2011, 4, 14) }, Ct);
        var moved = await meetings.MoveAsync(december.Id, new MeetingInput { Date = new DateOnly(2010, 12, 16) }, Ct);
        var cancelled = await meetings.CancelAsync(december.Id, Ct);
        var holiday = await holidays.AddAsync(new BankHolidayInput { Date = new DateOnly(2010, 12, 8), Name = "Snow day" }, Ct);
        var worked = await holidays.MarkWorkingDayAsync(new DateOnly(2010, 12, 27), Ct);

        Assert.Equal(MeetingCommands.AdministratorsOnly, added.Result.Error);
        Assert.Equal(MeetingCommands.AdministratorsOnly, moved.Error);
        Assert.Equal(MeetingCommands.AdministratorsOnly, cancelled.Error);
        Assert.Equal(BankHolidayCommands.AdministratorsOnly, holiday.Error);
        Assert.Equal(BankHolidayCommands.AdministratorsOnly, worked.Error);
        Assert.Equal(
            before.Select(m => (m.Date, m.Title, m.Location, m.CancelledAt)),
            (await AllMeetingsAsync()).Select(m => (m.Date, m.Title, m.Location, m.CancelledAt)));
        await using var db = await Database.OpenAsync();
        Assert.Empty(await db.BankHolidayChanges.ToListAsync(Ct));
    }

    [Fact]
    public async Task A_meeting_without_a_date_or_on_a_date_already_taken_is_refused_with_nothing_saved()
    {
        await ActAsAsync("Priya Shah", Roles.Administrator);
        var before = (await AllMeetingsAsync()).Count;

        var noDate = await meetings.AddAsync(new MeetingInput { Venue = "Town Hall, Redditch" }, Ct);
        var taken = await meetings.AddAsync(new MeetingInput { Date = December9 }, Ct);

        Assert.Equal("Give the date of the meeting.", noDate.Result.FieldErrors[nameof(MeetingInput.Date)]);
        Assert.Equal("The board already meets on 9 December 2010: two meetings cannot share a date.", taken.Result.FieldErrors[nameof(MeetingInput.Date)]);
        Assert.Equal(before, (await AllMeetingsAsync()).Count);
    }

    [Fact]
    public async Task Moving_a_meeting_moves_the_deadline_people_see_on_my_updates_due()
    {
        await SignInAsAsync("Rosa Grant", Roles.ServiceManager, Roles.ReportOwner);
        Assert.Contains("Tuesday 7 December 2010", PayrollDecemberCard(), StringComparison.Ordinal);
        await ActAsAsync("Priya Shah", Roles.Administrator);
        var december = await MeetingOnAsync(December9);

        var result = await meetings.MoveAsync(december.Id, new MeetingInput { Date = new DateOnly(2010, 12, 16), Title = "Shared Services Board", Venue = "Town Hall, Redditch" }, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(new DateOnly(2010, 12, 16), (await AllMeetingsAsync()).Single(m => m.Id == december.Id).Date);
        Assert.Contains("Tuesday 14 December 2010", PayrollDecemberCard(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_meeting_stays_listed_with_who_and_when_and_its_updates_fall_due_before_the_next_meeting()
    {
        await ActAsAsync("Priya Shah", Roles.Administrator);
        var december = await MeetingOnAsync(December9);

        var result = await meetings.CancelAsync(december.Id, Ct);

        Assert.True(result.Succeeded);
        var row = (await meetings.ScheduleAsync(Ct)).Single(m => m.Id == december.Id);
        Assert.Equal(("Priya Shah", Time.GetUtcNow()), (row.CancelledBy, row.CancelledAt!.Value));
        // The next meeting is Thursday 13 January 2011: two working days before it is Tuesday 11 January.
        var owed = await Services.GetRequiredService<ReminderQueries>().OutstandingAsync(new DateOnly(2010, 12, 1), new DateOnly(2011, 2, 28), cancellationToken: Ct);
        Assert.Equal(new DateOnly(2011, 1, 11), owed.Single(o => o.Title == "Payroll: status card for December 2010").Deadline);
        Assert.Equal("The meeting of 9 December 2010 was cancelled, so it cannot be moved.",
            (await meetings.MoveAsync(december.Id, new MeetingInput { Date = new DateOnly(2010, 12, 16) }, Ct)).Error);
        Assert.True((await meetings.AddAsync(new MeetingInput { Date = December9, Venue = "Town Hall, Redditch" }, Ct)).Result.Succeeded);
    }

    [Fact]
    public async Task A_meeting_whose_pack_is_frozen_can_be_neither_moved_nor_cancelled()
    {
        await ActAsAsync("Priya Shah", Roles.Administrator);
        var november = await MeetingOnAsync(new DateOnly(2010, 11, 11));
        await using (var db = await Database.OpenAsync())
        {
            db.FrozenBoardPacks.Add(new FrozenBoardPack { BoardMeetingId = november.Id, FrozenAt = Time.GetUtcNow(), FrozenBy = "Priya Shah", Content = "{}" });
            await db.SaveChangesAsync(Ct);
        }

        var moved = await meetings.MoveAsync(november.Id, new MeetingInput { Date = new DateOnly(2010, 11, 18) }, Ct);
        var cancelled = await meetings.CancelAsync(november.Id, Ct);

        Assert.Equal("The board pack for 11 November 2010 has been frozen as the record of that meeting, so the meeting cannot be moved.", moved.Error);
        Assert.Equal("The board pack for 11 November 2010 has been frozen as the record of that meeting, so the meeting cannot be cancelled.", cancelled.Error);
        var after = await MeetingOnAsync(new DateOnly(2010, 11, 11));
        Assert.Null(after.CancelledAt);
    }

    [Fact]
    public async Task An_extra_bank_holiday_counts_at_once_and_can_be_removed_again()
    {
        await SignInAsAsync("Rosa Grant", Roles.ServiceManager, Roles.ReportOwner);
        await ActAsAsync("Priya Shah", Roles.Administrator);
        using var announced = new Announcements(Notifier);

        var result = await holidays.AddAsync(new BankHolidayInput { Date = new DateOnly(2010, 12, 8), Name = "Snow closure" }, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal("Bank holiday added: Snow closure, 8 December 2010", Assert.Single(await announced.AfterFirstAsync()).Summary);
        // Two working days before Thursday 9 December, with Wednesday 8th off: Monday 6 December.
        Assert.Contains("Monday 6 December 2010", PayrollDecemberCard(), StringComparison.Ordinal);
        var row = (await holidays.ListAsync(Ct)).Single(r => r.Date == new DateOnly(2010, 12, 8));
        Assert.False(row.Configured);
        Assert.True((await holidays.UndoAsync(row.Change!.Id, Ct)).Succeeded);
        Assert.Contains("Tuesday 7 December 2010", PayrollDecemberCard(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_bank_holiday_can_be_worked_once_and_bad_days_are_refused_with_nothing_saved()
    {
        await ActAsAsync("Priya Shah", Roles.Administrator);

        Assert.True((await holidays.MarkWorkingDayAsync(new DateOnly(2010, 12, 28), Ct)).Succeeded);
        Assert.Equal("28 December 2010 is already marked as a working day.", (await holidays.MarkWorkingDayAsync(new DateOnly(2010, 12, 28), Ct)).Error);
        Assert.Equal("29 December 2010 is not one of the configured bank holidays.", (await holidays.MarkWorkingDayAsync(new DateOnly(2010, 12, 29), Ct)).Error);
        var saturday = await holidays.AddAsync(new BankHolidayInput { Date = new DateOnly(2011, 1, 1), Name = "New Year" }, Ct);
        Assert.Contains("is a Saturday", saturday.FieldErrors[nameof(BankHolidayInput.Date)], StringComparison.Ordinal);

        var list = await holidays.ListAsync(Ct);
        Assert.True(list.Single(r => r.Date == new DateOnly(2010, 12, 28)).IsWorked);
        Assert.False(list.Single(r => r.Date == new DateOnly(2010, 12, 27)).IsWorked);
        await using var db = await Database.OpenAsync();
        Assert.Equal(new DateOnly(2010, 12, 28), (await db.BankHolidayChanges.SingleAsync(Ct)).Date);
    }
}

public sealed class MeetingCommandsTestsOnPostgres : MeetingCommandsTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
