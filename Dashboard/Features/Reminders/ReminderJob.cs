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
        var calendar = await queries.CalendarAsync(cancellationToken);
        var (from, to) = rules.Ladder.DeadlinesInPlay(today, calendar);
        var outstanding = await queries.OutstandingAsync(from, to, cancellationToken: cancellationToken, calendar: calendar);
        var due = ObligationSchedule.DueOn(outstanding, rules.Ladder, today, calendar).ToList();
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

    /// <summary>
    /// Sends every message recorded but never accepted by the mail server, each on its own: one refused for good is
    /// marked undeliverable (the administrators are told) and the rest still go. When any was not accepted this
    /// time it throws once every message was tried, so Hangfire retries with back-off; when the mail server cannot
    /// be reached at all it stops at the first message, as every other would wait for the same timeout.
    /// </summary>
    public async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        List<int> pending;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            pending = await db.ReminderMessages.Where(m => m.Status == ReminderMessageStatus.Pending).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        }

        var run = Guid.NewGuid();
        var notAccepted = new List<string>();
        var undeliverable = new List<ReminderEmail.Undelivered>();
        foreach (var id in pending)
        {
            var outcome = await SendOneAsync(id, run, cancellationToken);
            if (outcome.Undelivered is { } refused)
            {
                undeliverable.Add(refused);
            }

            if (outcome.Error is { } error)
            {
                notAccepted.Add(error.Message);
                if (!outcome.ServerReached)
                {
                    break;
                }
            }
        }

        if (undeliverable.Count > 0)
        {
            await TellAdministratorsAsync(undeliverable, cancellationToken);
        }

        if (notAccepted.Count > 0)
        {
            throw new ReminderNotSentException($"{notAccepted.Count} reminder(s) were not accepted by the mail server and stay in the outbox for the retry: {notAccepted[0]}", null);
        }
    }

    /// <param name="Error">Why the mail server did not take the message this time (it stays pending).</param>
    /// <param name="ServerReached">False when the server could not be reached at all.</param>
    /// <param name="Undelivered">The message was refused for good, or has nowhere to go.</param>
    private sealed record SendOutcome(Exception? Error = null, bool ServerReached = true, ReminderEmail.Undelivered? Undelivered = null)
    {
        public static SendOutcome Done { get; } = new();
    }

    private async Task<SendOutcome> SendOneAsync(int id, Guid run, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.UtcNow;
        var claimed = await db.ReminderMessages
            .Where(m => m.Id == id && m.Status == ReminderMessageStatus.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, run).SetProperty(m => m.ClaimedUntil, now + Claim), cancellationToken);
        if (claimed == 0)
        {
            return SendOutcome.Done;
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
        message.ClaimedUntil = null;
        if (items.Count == 0)
        {
            message.Status = ReminderMessageStatus.Withdrawn;
            await db.SaveChangesAsync(cancellationToken);
            return SendOutcome.Done;
        }

        var lines = items.Select(i => new ReminderEmail.Line(i.Title, i.Deadline, new Uri(rules.SiteAddress, ReminderQueries.UpdatePage(i.Kind, i.SubjectId)).ToString())).ToList();
        // A deactivated person gets no more email; administrators see the reminder in the log and hand their work over.
        if (!recipient.IsActive || string.IsNullOrWhiteSpace(recipient.Email))
        {
            Compose(message, recipient, lines, copies);
            return await UndeliverableAsync(db, message, recipient, recipient.IsActive
                ? $"{recipient.Name} has no email address."
                : $"{recipient.Name} has been deactivated: hand what they own to someone else on their page under People and accounts.", cancellationToken);
        }

        // Stable across retries (so mail programs see one message) and unique across databases (ids restart).
        var messageId = $"reminder-{id}.{message.CreatedAt.ToUnixTimeMilliseconds()}@{rules.SiteAddress.Host}";
        var notCopied = new List<string>();
        while (true)
        {
            var (subject, text, html) = Compose(message, recipient, lines, copies);
            message.Attempts++;
            try
            {
                await email.SendAsync(new OutgoingEmail(messageId, [recipient.Email], [.. copies.Select(c => c.Email)], subject, text, html), cancellationToken);
                break;
            }
            catch (EmailRejectedException e) when (copies.FindIndex(c => string.Equals(c.Email, e.Address, StringComparison.OrdinalIgnoreCase)) is var copy and >= 0)
            {
                // A director's or administrator's mailbox is refused: the owner still needs their reminder.
                notCopied.Add($"Not copied to {copies[copy].Name}: {e.Message}");
                log.LogWarning(e, "Reminder {MessageId}: copy to {Email} refused; sending without it.", id, e.Address);
                copies.RemoveAt(copy);
            }
            catch (EmailRejectedException e)
            {
                log.LogWarning(e, "Reminder {MessageId} to {Email} was refused for good.", id, recipient.Email);
                Operations.DashboardMetrics.Reminder("undeliverable");
                return await UndeliverableAsync(db, message, recipient, e.Message, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                message.LastError = e.Message;
                await db.SaveChangesAsync(CancellationToken.None);
                log.LogWarning(e, "Reminder {MessageId} to {Email} was not accepted; it stays in the outbox for the retry.", id, recipient.Email);
                Operations.DashboardMetrics.Reminder("failed");

                // A 4xx for this message (a full mailbox, a greylisting server) says nothing about the others.
                var serverReached = e is MailKit.Net.Smtp.SmtpCommandException;
                return new SendOutcome(new ReminderNotSentException($"Reminder {id} to {recipient.Email} was not accepted by the mail server: {e.Message}", e), serverReached);
            }
        }

        message.Status = ReminderMessageStatus.Sent;
        message.SentAt = clock.UtcNow;
        message.LastError = notCopied.Count == 0 ? null : string.Join(" ", notCopied);
        await db.SaveChangesAsync(CancellationToken.None);
        Operations.DashboardMetrics.Reminder("sent");
        return SendOutcome.Done;
    }

    private (string Subject, string Text, string Html) Compose(ReminderMessage message, Person recipient, List<ReminderEmail.Line> lines, List<(string Name, string Email)> copies)
    {
        var copiedTo = copies.Count == 0 ? null : string.Join(" and ", copies.Select(c => c.Name));
        var composed = ReminderEmail.Compose(recipient.Name, lines, message.ScanDate, rules.SiteAddress, copiedTo);
        message.Subject = composed.Subject;
        message.Cc = copies.Count == 0 ? null : string.Join(", ", copies.Select(c => c.Email));
        return composed;
    }

    private async Task<SendOutcome> UndeliverableAsync(DashboardDbContext db, ReminderMessage message, Person recipient, string reason, CancellationToken cancellationToken)
    {
        message.Status = ReminderMessageStatus.Undeliverable;
        message.LastError = reason;
        log.LogWarning("Reminder {MessageId} to {Person} (person {PersonId}) is undeliverable: {Reason}", message.Id, recipient.Name, recipient.Id, reason);
        await db.SaveChangesAsync(CancellationToken.None);
        return new SendOutcome(Undelivered: new ReminderEmail.Undelivered(recipient.Name, reason));
    }

    /// <summary>
    /// One message to the administrators about the reminders of this run that can never go, so someone fixes the
    /// address. Best effort: if it cannot be sent either, the reminder log still shows every one.
    /// </summary>
    private async Task TellAdministratorsAsync(IReadOnlyList<ReminderEmail.Undelivered> undeliverable, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var administrators = await AdministratorsAsync(db, cancellationToken);
        if (administrators.Count == 0)
        {
            return;
        }

        var (subject, text, html) = ReminderEmail.ComposeUndeliverable(undeliverable, new Uri(rules.SiteAddress, ReminderLogPath));
        try
        {
            await email.SendAsync(new OutgoingEmail($"undeliverable-{Guid.NewGuid():N}@{rules.SiteAddress.Host}", [.. administrators.Select(a => a.Email)], [], subject, text, html), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not tell the administrators about {Count} undeliverable reminders; the reminder log lists them.", undeliverable.Count);
        }
    }

    private const string ReminderLogPath = "admin/reminders";

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

        return [.. (await AdministratorsAsync(db, cancellationToken)).Where(a => !string.Equals(a.Email, recipient.Email, StringComparison.OrdinalIgnoreCase))];
    }

    private static async Task<List<(string Name, string Email)>> AdministratorsAsync(DashboardDbContext db, CancellationToken cancellationToken)
    {
        var administrators = await (
                from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.Administrator && user.Email != null && (user.Person == null || user.Person.DeactivatedAt == null)
                select new { user.Email, Name = user.Person != null ? user.Person.Name : user.Email })
            .ToListAsync(cancellationToken);
        return [.. administrators.Select(a => (Name: a.Name!, Email: a.Email!))];
    }
}

/// <summary>The mail server did not take a reminder; thrown so Hangfire retries the run.</summary>
public sealed class ReminderNotSentException(string message, Exception? inner) : Exception(message, inner);
