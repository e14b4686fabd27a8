using Dashboard.Auth;
using Dashboard.Components.Shared;
using Dashboard.Data;
using Dashboard.Domain.Meetings;
using Dashboard.Domain.Time;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin;

/// <summary>A meeting as the schedule page lists it.</summary>
public sealed record MeetingRow(int Id, DateOnly Date, string Title, string? Venue, DateTimeOffset? CancelledAt, string? CancelledBy, bool PackFrozen)
{
    public bool IsCancelled => CancelledAt is not null;

    public ScheduledMeeting AsScheduled => new(Id, Date, IsCancelled, PackFrozen);
}

/// <summary>
/// The board's meeting schedule: administrators add, move and cancel meetings. Each command checks on the server,
/// validates, saves in one transaction (audited by the context), then tells open screens — deadlines follow the
/// meetings, so "My updates due" and the reminder run see the change at once.
/// </summary>
public sealed class MeetingCommands(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ReportingClock clock, IChangeNotifier changes)
{
    public const string AdministratorsOnly = "Only an administrator can change the board's meetings.";

    private const string Gone = "That board meeting does not exist.";

    /// <summary>Every meeting, earliest first, with whether its pack has been frozen.</summary>
    public async Task<List<MeetingRow>> ScheduleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ScheduleAsync(db, cancellationToken);
    }

    public async Task<(CommandResult Result, int? MeetingId)> AddAsync(MeetingInput input, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return (CommandResult.Refused(AdministratorsOnly), null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (input.Validate((await ScheduleAsync(db, cancellationToken)).Select(m => m.AsScheduled)) is { Count: > 0 } errors)
        {
            return (CommandResult.Invalid(errors), null);
        }

        var meeting = new BoardMeeting { Date = input.Date!.Value, Title = input.TrimmedTitle, Location = input.TrimmedVenue };
        db.BoardMeetings.Add(meeting);
        if (await TrySaveAsync(db, input.Date.Value, cancellationToken) is { } clash)
        {
            return (clash, null);
        }

        changes.Publish(new DashboardChange(ChangeArea.Meetings, meeting.Id, $"Board meeting of {UkFormat.Date(meeting.Date)} added"));
        return (CommandResult.Saved, meeting.Id);
    }

    /// <summary>Changes a meeting's date, title or venue; its deadlines move with it.</summary>
    public async Task<CommandResult> MoveAsync(int meetingId, MeetingInput input, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.BoardMeetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return CommandResult.Refused(Gone);
        }

        var schedule = await ScheduleAsync(db, cancellationToken);
        if (MeetingRules.WhyFixed(schedule.Single(m => m.Id == meetingId).AsScheduled, "moved") is { } fixedReason)
        {
            return CommandResult.Refused(fixedReason);
        }

        if (input.Validate(schedule.Select(m => m.AsScheduled), meetingId) is { Count: > 0 } errors)
        {
            return CommandResult.Invalid(errors);
        }

        var was = meeting.Date;
        meeting.Date = input.Date!.Value;
        meeting.Title = input.TrimmedTitle;
        meeting.Location = input.TrimmedVenue;
        if (await TrySaveAsync(db, meeting.Date, cancellationToken) is { } clash)
        {
            return clash;
        }

        changes.Publish(new DashboardChange(ChangeArea.Meetings, meeting.Id, was == meeting.Date
            ? $"Board meeting of {UkFormat.Date(meeting.Date)} changed"
            : $"Board meeting moved from {UkFormat.Date(was)} to {UkFormat.Date(meeting.Date)}"));
        return CommandResult.Saved;
    }

    /// <summary>Cancels a meeting: it stays listed, with who cancelled it and when, and no deadline is counted from it.</summary>
    public async Task<CommandResult> CancelAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.BoardMeetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return CommandResult.Refused(Gone);
        }

        var frozen = await db.FrozenBoardPacks.AnyAsync(p => p.BoardMeetingId == meetingId, cancellationToken);
        if (MeetingRules.WhyFixed(new ScheduledMeeting(meeting.Id, meeting.Date, meeting.IsCancelled, frozen), "cancelled") is { } fixedReason)
        {
            return CommandResult.Refused(fixedReason);
        }

        meeting.CancelledAt = clock.UtcNow;
        meeting.CancelledBy = CurrentUser.DisplayNameOf(await user.PrincipalAsync());
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.Meetings, meeting.Id, $"Board meeting of {UkFormat.Date(meeting.Date)} cancelled"));
        return CommandResult.Saved;
    }

    /// <summary>Every meeting, earliest first, read in the caller's context (the board dashboard's shared read uses this).</summary>
    public static Task<List<MeetingRow>> ScheduleAsync(DashboardDbContext db, CancellationToken cancellationToken) =>
        db.BoardMeetings.AsNoTracking()
            .OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new MeetingRow(m.Id, m.Date, m.Title, m.Location, m.CancelledAt, m.CancelledBy, db.FrozenBoardPacks.Any(p => p.BoardMeetingId == m.Id)))
            .ToListAsync(cancellationToken);

    // Another administrator may have put a meeting on the same date since the check: the unique index keeps one.
    private async Task<CommandResult?> TrySaveAsync(DashboardDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await fresh.BoardMeetings.AnyAsync(m => m.Date == date && m.CancelledAt == null, cancellationToken))
            {
                throw;
            }

            return CommandResult.Invalid(new Dictionary<string, string>
            {
                [nameof(MeetingInput.Date)] = $"The board already meets on {UkFormat.Date(date)}: two meetings cannot share a date.",
            });
        }
    }
}
