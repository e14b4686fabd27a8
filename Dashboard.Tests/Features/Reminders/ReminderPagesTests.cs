using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Reminders;
using Dashboard.Domain.Time;
using Dashboard.Email;
using Dashboard.Features.Reminders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Dashboard.Tests.Features.Reminders;

/// <summary>"My updates due" shows the signed-in person what the reminder run would tell them; the log shows administrators what it did.</summary>
public class ReminderPagesTests : DashboardTestContext
{
    private static readonly ReminderRules Rules = new(
        DeadlineRules.Default, ReminderLadder.Default, new WorkingCalendar([new DateOnly(2010, 12, 27), new DateOnly(2010, 12, 28), new DateOnly(2011, 1, 3)]),
        new Uri("http://dashboard.example/"));

    private readonly TriggerRecorder jobs = new();

    public ReminderPagesTests()
    {
        Services.AddSingleton(Rules);
        Services.AddScoped<ReminderQueries>();
        Services.AddSingleton<Hangfire.IRecurringJobManager>(jobs);
    }

    [Fact]
    public async Task A_report_owner_sees_their_overdue_items_with_deadlines_and_links_to_update_them()
    {
        await SignInAsAsync("Lee Carter", Roles.ServiceManager, Roles.ReportOwner);

        var page = Render<MyUpdatesDuePage>();

        page.WaitForAssertion(() => Assert.Contains("2 overdue, 0 due soon", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var rows = page.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("LIF 01 Lifeline alarm calls answered within 60 seconds (%) (BDC): value for November 2010", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("(RBC)", rows[1].TextContent, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Contains("Due Tuesday 7 December 2010, 2 days overdue", r.TextContent, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("Overdue", r.QuerySelectorAll("td")[2].TextContent, StringComparison.Ordinal));
        await using var db = await Database.OpenAsync();
        var lifeline = await db.PerformanceIndicators.SingleAsync(p => p.Ref == "LIF 01", Xunit.TestContext.Current.CancellationToken);
        Assert.All(rows, r => Assert.Equal($"performance/{lifeline.Id}", r.QuerySelector("a")!.GetAttribute("href")));
    }

    [Fact]
    public async Task The_demo_report_owner_owes_her_november_invoice_figures_and_once_she_saves_them_owes_nothing()
    {
        Services.AddScoped<Dashboard.Features.Performance.PerformanceCommands>();
        await SignInAsAsync("Dana Hughes", Roles.ReportOwner);
        var ct = Xunit.TestContext.Current.CancellationToken;

        var page = Render<MyUpdatesDuePage>();
        page.WaitForAssertion(() => Assert.Contains("2 overdue", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.All(page.FindAll("tbody tr"), r => Assert.Contains("BV 8 Undisputed invoices paid within 30 days (%)", r.TextContent, StringComparison.Ordinal));

        await using var db = await Database.OpenAsync();
        var invoices = await db.PerformanceIndicators.SingleAsync(p => p.Ref == "BV 8", ct);
        var councils = await db.Councils.Select(c => c.Id).ToListAsync(ct);
        var november = new DateOnly(2010, 11, 1);
        var (result, _) = await Services.GetRequiredService<Dashboard.Features.Performance.PerformanceCommands>()
            .SaveValuesAsync(invoices.Id, [.. councils.Select(c => new Dashboard.Domain.Performance.PiFigureInput(c, november, "95.1"))], ct);
        Assert.True(result.Succeeded, result.Error);

        var after = Render<MyUpdatesDuePage>();
        after.WaitForAssertion(() => Assert.Contains("Nothing is due", after.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        // Stamped on the demo's pinned date, and no longer the demo's: no provenance tag.
        var saved = await db.PiValues.AsNoTracking().Where(v => v.PerformanceIndicatorId == invoices.Id && v.PeriodStart == november).ToListAsync(ct);
        Assert.All(saved, v => Assert.Equal((new DateOnly(2010, 12, 9), (string?)null), (DateOnly.FromDateTime(v.EnteredAt.UtcDateTime), v.Source)));
    }

    [Fact]
    public async Task Someone_who_is_up_to_date_is_told_nothing_is_due()
    {
        await SignInAsAsync("Chris Patel", Roles.ServiceManager, Roles.ReportOwner);

        var page = Render<MyUpdatesDuePage>();

        page.WaitForAssertion(() => Assert.Contains("Nothing is due", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("tbody tr"));
    }

    [Fact]
    public async Task The_log_shows_every_message_with_its_result_and_warns_about_people_without_email()
    {
        await using (var db = await Database.OpenAsync())
        {
            (await db.People.SingleAsync(p => p.Name == "Tom Baker", Xunit.TestContext.Current.CancellationToken)).Email = null;
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        // Beside the test's database file, so it goes when the database does.
        var pickup = Path.Combine(Database.Directory, "mail");
        var sender = new PickupFolderEmailSender(new EmailOptions(), pickup);
        var job = new ReminderJob(Database.Factory, new ReminderQueries(Database.Factory, Rules), Rules, new ReportingClock(Time), sender, NullLogger<ReminderJob>.Instance);
        await job.RunAsync(Xunit.TestContext.Current.CancellationToken);
        await SignInAsAsync("Priya Shah", Roles.Administrator);

        var page = Render<ReminderLogPage>();

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("tbody tr").Count), TimeSpan.FromSeconds(10));
        Assert.Contains("1 reminder could not be delivered: the person has no email address, or the mail server refused it.", page.Markup, StringComparison.Ordinal);
        var tom = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Tom Baker", StringComparison.Ordinal));
        Assert.Contains("Undeliverable", tom.TextContent, StringComparison.Ordinal);
        Assert.Contains("Procurement: status card for December 2010 (Overdue)", tom.TextContent, StringComparison.Ordinal);
        var ian = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Ian Brooks", StringComparison.Ordinal));
        Assert.Contains("Sent 9 Dec 2010", ian.TextContent, StringComparison.Ordinal);
        Assert.Contains($"copied to sam.reid@{Dashboard.Data.DemoSeed.Domain}", ian.TextContent, StringComparison.Ordinal);

        // The default transport: one .eml per message in the pickup folder, readable by any mail program: four
        // reminders and the administrators' notice of the one that cannot go.
        var subjects = Directory.GetFiles(pickup, "*.eml").Select(f => MimeMessage.Load(f, Xunit.TestContext.Current.CancellationToken).Subject).ToList();
        Assert.Equal(5, subjects.Count);
        Assert.All(subjects, s => Assert.StartsWith("[Shared Services] ", s, StringComparison.Ordinal));
        Assert.Single(subjects, s => s == "[Shared Services] 1 reminder could not be delivered");
    }

    [Fact]
    public async Task An_administrator_can_start_the_reminder_run_now()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var page = Render<ReminderLogPage>();
        WaitUntilSettled(page, () => Assert.Contains("No reminders have been sent yet.", page.Markup, StringComparison.Ordinal));

        await page.FindAll("button").Single(b => b.TextContent.Contains("Send reminders now", StringComparison.Ordinal)).ClickAsync(new());

        Assert.Equal([ReminderJob.Id], jobs.Triggered);
        Assert.Contains("The reminder run has started.", page.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    /// <summary>Records which recurring jobs the page asked Hangfire to run now.</summary>
    private sealed class TriggerRecorder : Hangfire.IRecurringJobManager
    {
        public List<string> Triggered { get; } = [];

        public void Trigger(string recurringJobId) => Triggered.Add(recurringJobId);

        public void AddOrUpdate(string recurringJobId, Hangfire.Common.Job job, string cronExpression, Hangfire.RecurringJobOptions options) =>
            throw new NotSupportedException("Pages do not register recurring jobs.");

        public void RemoveIfExists(string recurringJobId) => throw new NotSupportedException("Pages do not remove recurring jobs.");
    }
}

public sealed class ReminderPagesTestsOnPostgres : ReminderPagesTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
