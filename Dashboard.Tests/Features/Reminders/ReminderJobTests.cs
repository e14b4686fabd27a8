using Dashboard.Data;
using Dashboard.Domain.Reminders;
using Dashboard.Domain.Services;
using Dashboard.Domain.Time;
using Dashboard.Email;
using Dashboard.Features.Reminders;
using Dashboard.Tests.Support;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Dashboard.Tests.Features.Reminders;

/// <summary>
/// The daily reminder run on the demo data (9 December 2010) against a real SMTP server on loopback:
/// one message per owner with overdue updates, and never a second one for the same step.
/// </summary>
public class ReminderJobTests : IAsyncLifetime
{
    /// <summary>Overridden by <see cref="ReminderJobTestsOnPostgres"/>.</summary>
    protected virtual Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Sqlite;

    private static readonly WorkingCalendar Calendar = new([new DateOnly(2010, 12, 27), new DateOnly(2010, 12, 28), new DateOnly(2011, 1, 3)]);

    // 06:00 in London on the report's day: the recurring job's default time.
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2010, 12, 9, 6, 0, 0, TimeSpan.Zero));

    private TestDatabase database = null!;

    /// <summary>The owners with overdue updates in the demo data, and what they owe.</summary>
    private static readonly Dictionary<string, string[]> Overdue = new()
    {
        [$"rosa.grant@{DemoSeed.Domain}"] = ["Payroll: status card for December 2010"],
        [$"tom.baker@{DemoSeed.Domain}"] = ["Procurement: status card for December 2010"],
        [$"lee.carter@{DemoSeed.Domain}"] =
        [
            "LIF 01 Lifeline alarm calls answered within 60 seconds (%) (BDC): value for November 2010",
            "LIF 01 Lifeline alarm calls answered within 60 seconds (%) (RBC): value for November 2010",
        ],
        [$"ian.brooks@{DemoSeed.Domain}"] = ["Emergency Planning / Business Continuity: highlight report for the period ending 30 November 2010"],
        [$"dana.hughes@{DemoSeed.Domain}"] =
        [
            "BV 8 Undisputed invoices paid within 30 days (%) (BDC): value for November 2010",
            "BV 8 Undisputed invoices paid within 30 days (%) (RBC): value for November 2010",
        ],
    };

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateSeededAsync(Provider);

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    private ReminderJob Job(LoopbackSmtpServer smtp)
    {
        var rules = new ReminderRules(DeadlineRules.Default, ReminderLadder.Default, Calendar, new Uri("http://dashboard.example/"));
        var sender = new SmtpEmailSender(new EmailOptions { Transport = EmailOptions.Smtp, Host = "127.0.0.1", Port = smtp.Port, TimeoutSeconds = 10 }, SecureSocketOptions.None);
        return new ReminderJob(database.Factory, new ReminderQueries(database.Factory, rules), rules, new ReportingClock(time), sender, NullLogger<ReminderJob>.Instance);
    }

    private static Dictionary<string, MimeMessage> ByRecipient(LoopbackSmtpServer smtp) =>
        Reminders(smtp).ToDictionary(m => ((MailboxAddress)m.To.Single()).Address);

    /// <summary>The administrators' notice of reminders that cannot go.</summary>
    private static bool IsNotice(MimeMessage message) => message.Subject?.Contains("could not be delivered", StringComparison.Ordinal) == true;

    private static List<MimeMessage> Reminders(LoopbackSmtpServer smtp) => [.. smtp.Messages.Where(m => !IsNotice(m))];

    [Fact]
    public async Task Each_owner_with_overdue_updates_gets_exactly_one_message_listing_all_of_them_and_a_second_run_sends_none()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        await Job(smtp).RunAsync(ct);
        var first = ByRecipient(smtp);
        await Job(smtp).RunAsync(ct);

        Assert.Equal(Overdue.Keys.Order(), first.Keys.Order());
        foreach (var (owner, titles) in Overdue)
        {
            var text = first[owner].TextBody;
            Assert.All(titles, t => Assert.Contains(t, text, StringComparison.Ordinal));
        }

        Assert.Contains("http://dashboard.example/performance", first[$"lee.carter@{DemoSeed.Domain}"].TextBody, StringComparison.Ordinal);
        Assert.Contains("Due Tuesday 7 December 2010, 2 days overdue", first[$"rosa.grant@{DemoSeed.Domain}"].TextBody, StringComparison.Ordinal);
        Assert.StartsWith("[Shared Services] 1 overdue update", first[$"rosa.grant@{DemoSeed.Domain}"].Subject, StringComparison.Ordinal);
        Assert.Equal(5, smtp.Messages.Count);
    }

    [Fact]
    public async Task An_escalation_copies_the_owners_director()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();

        await Job(smtp).RunAsync(TestContext.Current.CancellationToken);

        // The highlight report was due 2 December, seven days before the meeting: five working days late by the 9th.
        var escalated = ByRecipient(smtp)[$"ian.brooks@{DemoSeed.Domain}"];
        Assert.Equal($"sam.reid@{DemoSeed.Domain}", ((MailboxAddress)escalated.Cc.Single()).Address);
        Assert.Contains($"sam.reid@{DemoSeed.Domain}", escalated.Headers["X-Envelope-To"], StringComparison.Ordinal);
        Assert.Empty(ByRecipient(smtp)[$"rosa.grant@{DemoSeed.Domain}"].Cc);
    }

    [Fact]
    public async Task An_escalation_for_someone_with_no_director_copies_the_administrators()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await using (var db = await database.OpenAsync())
        {
            (await db.People.SingleAsync(p => p.Name == "Ian Brooks", ct)).DirectorId = null;
            await db.SaveChangesAsync(ct);
        }

        await Job(smtp).RunAsync(ct);

        var escalated = ByRecipient(smtp)[$"ian.brooks@{DemoSeed.Domain}"];
        Assert.Equal($"priya.shah@{DemoSeed.Domain}", ((MailboxAddress)escalated.Cc.Single()).Address);
        Assert.Contains("Priya Shah is copied in because an update is well overdue.", escalated.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_owner_is_not_emailed_and_a_deactivated_director_is_not_copied()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await using (var db = await database.OpenAsync())
        {
            foreach (var person in await db.People.Where(p => p.Name == "Rosa Grant" || p.Name == "Sam Reid").ToListAsync(ct))
            {
                person.DeactivatedAt = time.GetUtcNow();
            }

            await db.SaveChangesAsync(ct);
        }

        await Job(smtp).RunAsync(ct);

        var sent = ByRecipient(smtp);
        Assert.DoesNotContain($"rosa.grant@{DemoSeed.Domain}", sent.Keys);
        Assert.Equal($"priya.shah@{DemoSeed.Domain}", ((MailboxAddress)sent[$"ian.brooks@{DemoSeed.Domain}"].Cc.Single()).Address);
        await using var check = await database.OpenAsync();
        var rosas = await check.ReminderMessages.SingleAsync(m => m.Recipient!.Name == "Rosa Grant", ct);
        Assert.Equal(ReminderMessageStatus.Undeliverable, rosas.Status);
        Assert.StartsWith("Rosa Grant has been deactivated", rosas.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_mail_server_down_the_run_fails_keeps_the_outbox_and_sends_each_message_once_when_it_returns()
    {
        await using var smtp = LoopbackSmtpServer.Stopped();
        LoopbackSmtpServer.RequireAiosmtpd();
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<ReminderNotSentException>(() => Job(smtp).RunAsync(ct));
        await using (var db = await database.OpenAsync())
        {
            Assert.Equal(5, await db.ReminderMessages.CountAsync(m => m.Status == ReminderMessageStatus.Pending, ct));
        }

        await smtp.StartListeningAsync();
        time.Advance(TimeSpan.FromMinutes(2)); // Hangfire's first retry
        await Job(smtp).RunAsync(ct);
        await Job(smtp).RunAsync(ct);

        Assert.Equal(Overdue.Keys.Order(), smtp.Messages.Select(m => ((MailboxAddress)m.To.Single()).Address).Order());
        await using var after = await database.OpenAsync();
        Assert.Equal(5, await after.ReminderMessages.CountAsync(m => m.Status == ReminderMessageStatus.Sent, ct));
    }

    [Fact]
    public async Task A_run_killed_between_recording_and_sending_is_finished_by_the_next_exactly_once()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(5, await Job(smtp).RecordIntentAsync(ct));
        Assert.Empty(smtp.Messages);

        await Job(smtp).RunAsync(ct);

        Assert.Equal(Overdue.Keys.Order(), smtp.Messages.Select(m => ((MailboxAddress)m.To.Single()).Address).Order());
    }

    [Fact]
    public async Task A_message_claimed_by_a_run_that_died_mid_send_waits_for_the_claim_to_lapse_then_goes_once()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await Job(smtp).RecordIntentAsync(ct);
        await using (var db = await database.OpenAsync())
        {
            var until = time.GetUtcNow() + ReminderJob.Claim;
            await db.ReminderMessages.Where(m => m.Recipient!.Name == "Tom Baker")
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, Guid.NewGuid()).SetProperty(m => m.ClaimedUntil, until), ct);
        }

        await Job(smtp).RunAsync(ct);
        Assert.Equal(4, smtp.Messages.Count);

        time.Advance(ReminderJob.Claim + TimeSpan.FromSeconds(1));
        await Job(smtp).RunAsync(ct);

        Assert.Equal(Overdue.Keys.Order(), smtp.Messages.Select(m => ((MailboxAddress)m.To.Single()).Address).Order());
    }

    [Fact]
    public async Task Two_servers_running_at_once_send_each_message_once()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        await Task.WhenAll(Job(smtp).RunAsync(ct), Job(smtp).RunAsync(ct));

        Assert.Equal(Overdue.Keys.Order(), smtp.Messages.Select(m => ((MailboxAddress)m.To.Single()).Address).Order());
    }

    [Fact]
    public async Task An_update_made_after_the_scan_is_left_out_and_a_person_without_email_is_logged_undeliverable()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var job = Job(smtp);
        await job.RecordIntentAsync(ct);
        await using (var db = await database.OpenAsync())
        {
            var payroll = await db.SharedServices.Include(s => s.Owner).SingleAsync(s => s.Name == "Payroll", ct);
            db.StatusUpdates.Add(new StatusUpdate { SharedServiceId = payroll.Id, Period = new DateOnly(2010, 12, 1), Rag = Rag.Green, Commentary = "Running well.", UpdatedById = payroll.OwnerId, UpdatedAt = time.GetUtcNow() });
            (await db.People.SingleAsync(p => p.Name == "Tom Baker", ct)).Email = null;
            await db.SaveChangesAsync(ct);
        }

        await job.SendPendingAsync(ct);

        Assert.Equal([$"dana.hughes@{DemoSeed.Domain}", $"ian.brooks@{DemoSeed.Domain}", $"lee.carter@{DemoSeed.Domain}"], Reminders(smtp).Select(m => ((MailboxAddress)m.To.Single()).Address).Order());
        await using var after = await database.OpenAsync();
        var log = await after.ReminderMessages.Include(m => m.Recipient).ToDictionaryAsync(m => m.Recipient!.Name, ct);
        Assert.Equal(ReminderMessageStatus.Withdrawn, log["Rosa Grant"].Status);
        Assert.Equal(ReminderMessageStatus.Undeliverable, log["Tom Baker"].Status);
        Assert.Equal("Tom Baker has no email address.", log["Tom Baker"].LastError);
        var notice = Assert.Single(smtp.Messages, IsNotice);
        Assert.Equal($"priya.shah@{DemoSeed.Domain}", ((MailboxAddress)notice.To.Single()).Address);
        Assert.Contains("- Tom Baker: Tom Baker has no email address.", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mailbox_the_server_refuses_for_good_is_logged_undeliverable_and_every_other_reminder_goes_in_the_same_run()
    {
        var refused = $"rosa.grant@{DemoSeed.Domain}";
        await using var smtp = await LoopbackSmtpServer.StartRefusingAsync(new Dictionary<string, string> { [refused] = "550 5.1.1 Mailbox unavailable" });
        var ct = TestContext.Current.CancellationToken;

        await Job(smtp).RunAsync(ct);
        await Job(smtp).RunAsync(ct);

        Assert.Equal(Overdue.Keys.Where(k => k != refused).Order(), Reminders(smtp).Select(m => ((MailboxAddress)m.To.Single()).Address).Order());
        await using var after = await database.OpenAsync();
        var rosa = await after.ReminderMessages.SingleAsync(m => m.Recipient!.Name == "Rosa Grant", ct);
        Assert.Equal(ReminderMessageStatus.Undeliverable, rosa.Status);
        Assert.Contains("550", rosa.LastError ?? "", StringComparison.Ordinal);
        Assert.Contains(refused, rosa.LastError ?? "", StringComparison.Ordinal);
        var notice = Assert.Single(smtp.Messages, IsNotice);
        Assert.Equal("[Shared Services] 1 reminder could not be delivered", notice.Subject);
        Assert.Contains("Rosa Grant", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directors_mailbox_refused_for_good_still_lets_the_owner_have_their_escalation()
    {
        await using var smtp = await LoopbackSmtpServer.StartRefusingAsync(new Dictionary<string, string> { [$"sam.reid@{DemoSeed.Domain}"] = "550 5.1.1 Mailbox unavailable" });
        var ct = TestContext.Current.CancellationToken;

        await Job(smtp).RunAsync(ct);

        var escalated = ByRecipient(smtp)[$"ian.brooks@{DemoSeed.Domain}"];
        Assert.Empty(escalated.Cc);
        Assert.DoesNotContain("Sam Reid is copied in", escalated.TextBody, StringComparison.Ordinal);
        await using var after = await database.OpenAsync();
        var ian = await after.ReminderMessages.SingleAsync(m => m.Recipient!.Name == "Ian Brooks", ct);
        Assert.Equal(ReminderMessageStatus.Sent, ian.Status);
        Assert.StartsWith("Not copied to Sam Reid:", ian.LastError ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mailbox_refused_for_now_does_not_hold_up_the_others_and_goes_once_on_the_retry()
    {
        var busy = $"tom.baker@{DemoSeed.Domain}";
        await using var smtp = await LoopbackSmtpServer.StartRefusingAsync(new Dictionary<string, string> { [busy] = "451 4.3.0 Mailbox busy, try again later" });
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<ReminderNotSentException>(() => Job(smtp).RunAsync(ct));
        Assert.Equal(Overdue.Keys.Where(k => k != busy).Order(), smtp.Messages.Select(m => ((MailboxAddress)m.To.Single()).Address).Order());

        await smtp.AcceptAgainAsync(busy);
        time.Advance(TimeSpan.FromMinutes(2)); // Hangfire's first retry
        await Job(smtp).RunAsync(ct);
        await Job(smtp).RunAsync(ct);

        Assert.Equal(Overdue.Keys.Order(), smtp.Messages.Select(m => ((MailboxAddress)m.To.Single()).Address).Order());
        await using var after = await database.OpenAsync();
        Assert.Equal(5, await after.ReminderMessages.CountAsync(m => m.Status == ReminderMessageStatus.Sent, ct));
    }

    [Fact]
    public async Task An_address_no_mail_server_could_take_is_undeliverable_without_holding_up_the_run()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await using (var db = await database.OpenAsync())
        {
            (await db.People.SingleAsync(p => p.Name == "Lee Carter", ct)).Email = "lee.carter at bromsgrove";
            await db.SaveChangesAsync(ct);
        }

        await Job(smtp).RunAsync(ct);

        await using var after = await database.OpenAsync();
        var lee = await after.ReminderMessages.SingleAsync(m => m.Recipient!.Name == "Lee Carter", ct);
        Assert.Equal(ReminderMessageStatus.Undeliverable, lee.Status);
        Assert.Equal("“lee.carter at bromsgrove” is not a valid email address.", lee.LastError);
        Assert.Equal(4, Reminders(smtp).Count);
    }

    [Fact]
    public async Task The_next_day_sends_nothing_new_and_the_escalation_day_sends_the_escalations()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await Job(smtp).RunAsync(ct);

        time.Advance(TimeSpan.FromDays(1));
        await Job(smtp).RunAsync(ct);
        Assert.Equal(5, smtp.Messages.Count);

        // 14 December: five working days after the 7 December deadlines.
        time.Advance(TimeSpan.FromDays(4));
        await Job(smtp).RunAsync(ct);

        var escalations = smtp.Messages.Skip(5).ToList();
        Assert.Equal([$"dana.hughes@{DemoSeed.Domain}", $"lee.carter@{DemoSeed.Domain}", $"rosa.grant@{DemoSeed.Domain}", $"tom.baker@{DemoSeed.Domain}"],
            escalations.Select(m => ((MailboxAddress)m.To.Single()).Address).Order());
        Assert.All(escalations, m => Assert.Equal($"sam.reid@{DemoSeed.Domain}", ((MailboxAddress)m.Cc.Single()).Address));
    }
}

public sealed class ReminderJobTestsOnPostgres : ReminderJobTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
