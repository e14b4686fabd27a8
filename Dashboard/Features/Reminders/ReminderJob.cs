using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Reminders;
using Dashboard.Domain.Time;
using Dashboard.Email;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Reminders;

/// <summary>
/// The daily reminder run. Hangfire may run it more than once (retries, restarts, two servers), so it
/// is an outbox: first every (obligation, period, step) due today is recorded under a unique key —
/// a second recording fails — then each recorded message is claimed, sent, and marked sent.
/// </summary>
public sealed class ReminderJob(
    IDbContextFactory<DashboardDbContext> dbFactory,
    ReminderQueries queries,
    ReminderRules rules,
    ReportingClock clock,
    IEmailSender email,
    ILogger<ReminderJob> log)
{
    public const string Id = "send-reminders";

    /// <summary>How long a run may hold a message while sending it; after that another run may take it over.</summary>
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(10);

    // Hangfire retries with growing back-off; after the last retry the messages are still in the outbox for the next day.
    [AutomaticRetry(Attempts = 10)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await RecordIntentAsync(cancellationToken);
        await SendPendingAsync(cancellationToken);
    }

    /// <summary>Records today's due steps not recorded before, one message per owner. Returns how many messages.</summary>
    public async Task<int> RecordIntentAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var (from, to) = rules.Ladder.DeadlinesInPlay(today, rules.Calendar);
        var outstanding = await queries.OutstandingAsync(from, to, cancellationToken: cancellationToken);
        var due = ObligationSchedule.DueOn(outstanding, rules.Ladder, today, rules.Calendar).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var keys = due.Select(d => d.Obligation.Key).Distinct().ToList();
            var recorded = (await db.ReminderItems.Where(i => keys.Contains(i.ObligationKey))
                    .Select(i => new { i.ObligationKey, i.Period, i.Step }).ToListAsync(cancellationToken))
                .Select(i => (i.ObligationKey, i.Period, i.Step)).ToHashSet();
            var messages = due
                .Where(d => !recorded.Contains((d.Obligation.Key, d.Obligation.Period, d.Step.Name)))
                .GroupBy(d => d.Obligation.OwnerId)
                .Select(owner => new ReminderMessage
                {
                    RecipientId = owner.Key,
                    ScanDate = today,
                    CreatedAt = clock.UtcNow,
                    Items = [.. owner.Select(d => new ReminderItem
                    {
                        ObligationKey = d.Obligation.Key,
                        Kind = d.Obligation.Kind,
                        SubjectId = d.Obligation.SubjectId,
                        CouncilId = d.Obligation.CouncilId,
                        Period = d.Obligation.Period,
                        Step = d.Step.Name,
                        Deadline = d.Obligation.Deadline,
                        Title = d.Obligation.Title,
                    })],
                })
                .ToList();
            db.ReminderMessages.AddRange(messages);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                log.LogInformation("Reminder run for {Today}: recorded {Messages} messages with {Items} items.", today, messages.Count, messages.Sum(m => m.Items.Count));
                return messages.Count;
            }
            catch (DbUpdateException e) when (attempt < 3)
            {
                // Another server recorded some of the same steps first; read what it recorded and try again.
                log.LogInformation(e, "Reminder intent for {Today} raced another run; re-reading.", today);
            }
        }
    }

    /// <summary>Sends every message recorded but never accepted by the mail server; throws if the server fails, so Hangfire retries.</summary>
    public async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        List<int> pending;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            pending = await db.ReminderMessages.Where(m => m.Status == ReminderMessageStatus.Pending).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        }

        var run = Guid.NewGuid();
        foreach (var id in pending)
        {
            await SendOneAsync(id, run, cancellationToken);
        }
    }

    private async Task SendOneAsync(int id, Guid run, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.UtcNow;
        var claimed = await db.ReminderMessages
            .Where(m => m.Id == id && m.Status == ReminderMessageStatus.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, run).SetProperty(m => m.ClaimedUntil, now + Claim), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var message = await db.ReminderMessages
            .Include(m => m.Items)
            .Include(m => m.Recipient).ThenInclude(p => p!.Director)
            .SingleAsync(m => m.Id == id, cancellationToken);
        var recipient = message.Recipient!;

        // Anything updated since the scan is left out: reminding someone of what they just did is noise.
        var supplied = await ReminderQueries.SuppliedAsync(db, [.. message.Items.Select(i => i.ToObligation(recipient.Id))], cancellationToken);
        foreach (var item in message.Items)
        {
            item.SettledBeforeSending = supplied.Contains((item.ObligationKey, item.Period));
        }

        var items = message.Items.Where(i => !i.SettledBeforeSending).OrderBy(i => i.Deadline).ThenBy(i => i.Title, StringComparer.Ordinal).ToList();
        var copies = await CopiesAsync(db, recipient, items, cancellationToken);
        message.To = recipient.Email;
        message.Cc = copies.Count == 0 ? null : string.Join(", ", copies.Select(c => c.Email));
        message.ClaimedUntil = null;
        if (items.Count == 0)
        {
            message.Status = ReminderMessageStatus.Withdrawn;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var lines = items.Select(i => new ReminderEmail.Line(i.Title, i.Deadline, new Uri(rules.SiteAddress, ReminderQueries.UpdatePage(i.Kind, i.SubjectId)).ToString())).ToList();
        var copiedTo = copies.Count == 0 ? null : string.Join(" and ", copies.Select(c => c.Name));
        var (subject, text, html) = ReminderEmail.Compose(recipient.Name, lines, message.ScanDate, rules.SiteAddress, copiedTo);
        message.Subject = subject;

        // A deactivated person gets no more email; administrators see the reminder in the log and hand their work over.
        if (!recipient.IsActive)
        {
            message.Status = ReminderMessageStatus.Undeliverable;
            message.LastError = $"{recipient.Name} has been deactivated: hand what they own to someone else on their page under People and accounts.";
            log.LogWarning("Reminder {MessageId} to {Person} (person {PersonId}) not sent: the person has been deactivated.", id, recipient.Name, recipient.Id);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        if (string.IsNullOrWhiteSpace(recipient.Email))
        {
            message.Status = ReminderMessageStatus.Undeliverable;
            message.LastError = $"{recipient.Name} has no email address.";
            log.LogWarning("Reminder {MessageId} to {Person} (person {PersonId}) is undeliverable: no email address.", id, recipient.Name, recipient.Id);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        message.Attempts++;
        try
        {
            await email.SendAsync(new OutgoingEmail($"reminder-{id}@{rules.SiteAddress.Host}", [recipient.Email], [.. copies.Select(c => c.Email)], subject, text, html), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            message.LastError = e.Message;
            await db.SaveChangesAsync(CancellationToken.None);
            log.LogWarning(e, "Reminder {MessageId} to {Email} was not accepted; it stays in the outbox for the retry.", id, recipient.Email);
            throw new ReminderNotSentException($"Reminder {id} to {recipient.Email} was not accepted by the mail server: {e.Message}", e);
        }

        message.Status = ReminderMessageStatus.Sent;
        message.SentAt = clock.UtcNow;
        message.LastError = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Escalation steps copy the owner's director, or the (active) administrators when the owner has no active director.</summary>
    private async Task<List<(string Name, string Email)>> CopiesAsync(DashboardDbContext db, Person recipient, List<ReminderItem> items, CancellationToken cancellationToken)
    {
        var escalating = items.Any(i => rules.Ladder.Steps.Any(s => s.CopyDirector && string.Equals(s.Name, i.Step, StringComparison.OrdinalIgnoreCase)));
        if (!escalating)
        {
            return [];
        }

        if (recipient.Director is { Email: { Length: > 0 } directorEmail, IsActive: true } director)
        {
            return [(director.Name, directorEmail)];
        }

        var administrators = await (
                from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.Administrator && user.Email != null && (user.Person == null || user.Person.DeactivatedAt == null)
                select new { user.Email, Name = user.Person != null ? user.Person.Name : user.Email })
            .ToListAsync(cancellationToken);
        return [.. administrators
            .Where(a => !string.Equals(a.Email, recipient.Email, StringComparison.OrdinalIgnoreCase))
            .Select(a => (Name: a.Name!, Email: a.Email!))];
    }
}

/// <summary>The mail server did not take a reminder; thrown so Hangfire retries the run.</summary>
public sealed class ReminderNotSentException(string message, Exception inner) : Exception(message, inner);
