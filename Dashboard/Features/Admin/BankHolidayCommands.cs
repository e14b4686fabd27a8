using Dashboard.Auth;
using Dashboard.Components.Shared;
using Dashboard.Data;
using Dashboard.Domain.Reminders;
using Dashboard.Features.Reminders;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin;

/// <summary>A day off in the calendar page's list: configured, added by an administrator, or configured but worked.</summary>
public sealed record BankHolidayRow(DateOnly Date, string? Name, bool Configured, BankHolidayChange? Change)
{
    public bool IsWorked => Change?.Kind == BankHolidayChangeKind.WorkingDay;
}

/// <summary>
/// Administrators' changes to the configured bank holidays (<c>Reminders:BankHolidays</c> stays the default): add an
/// extra bank holiday, work a configured one, or undo either. The reminder run and "My updates due" read the calendar
/// with these changes each time, so deadlines counted in working days follow at once.
/// </summary>
public sealed class BankHolidayCommands(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ReminderRules rules, IChangeNotifier changes)
{
    public const string AdministratorsOnly = "Only an administrator can change the bank holidays.";

    /// <summary>Every configured or added day off, earliest first, with the change made to it if any.</summary>
    public async Task<List<BankHolidayRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var made = await db.BankHolidayChanges.AsNoTracking().ToListAsync(cancellationToken);
        var configured = rules.ConfiguredCalendar.BankHolidays;
        return [.. configured.Select(d => new BankHolidayRow(d, BankHolidayNames.EnglandAndWales(d), true, made.FirstOrDefault(c => c.Date == d)))
            .Concat(made.Where(c => !configured.Contains(c.Date)).Select(c => new BankHolidayRow(c.Date, c.Name, false, c)))
            .OrderBy(r => r.Date)];
    }

    public async Task<CommandResult> AddAsync(BankHolidayInput input, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var made = await db.BankHolidayChanges.ToListAsync(cancellationToken);
        if (input.Validate(rules.ConfiguredCalendar.With(made), made) is { Count: > 0 } errors)
        {
            return CommandResult.Invalid(errors);
        }

        var day = new BankHolidayChange { Date = input.Date!.Value, Kind = BankHolidayChangeKind.ExtraBankHoliday, Name = input.Name!.Trim() };
        db.BankHolidayChanges.Add(day);
        if (!await TrySaveAsync(db, day.Date, cancellationToken))
        {
            return CommandResult.Invalid(new Dictionary<string, string> { [nameof(BankHolidayInput.Date)] = $"{UkFormat.Date(day.Date)} was changed by someone else a moment ago." });
        }

        changes.Publish(new DashboardChange(ChangeArea.Meetings, day.Id, $"Bank holiday added: {day.Name}, {UkFormat.Date(day.Date)}"));
        return CommandResult.Saved;
    }

    /// <summary>Marks a configured bank holiday as a working day this time.</summary>
    public async Task<CommandResult> MarkWorkingDayAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var made = await db.BankHolidayChanges.ToListAsync(cancellationToken);
        if (BankHolidayInput.WhyNotWorkingDay(date, rules.ConfiguredCalendar.BankHolidays, made) is { } reason)
        {
            return CommandResult.Refused(reason);
        }

        var day = new BankHolidayChange { Date = date, Kind = BankHolidayChangeKind.WorkingDay };
        db.BankHolidayChanges.Add(day);
        if (!await TrySaveAsync(db, date, cancellationToken))
        {
            return CommandResult.Refused($"{UkFormat.Date(date)} was changed by someone else a moment ago.");
        }

        changes.Publish(new DashboardChange(ChangeArea.Meetings, day.Id, $"{UkFormat.Date(date)} is now a working day"));
        return CommandResult.Saved;
    }

    /// <summary>Undoes a change: an added bank holiday is removed, a worked configured day is a bank holiday again.</summary>
    public async Task<CommandResult> UndoAsync(int changeId, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var day = await db.BankHolidayChanges.FirstOrDefaultAsync(c => c.Id == changeId, cancellationToken);
        if (day is null)
        {
            return CommandResult.Refused("That change to the bank holidays has already been undone.");
        }

        db.BankHolidayChanges.Remove(day);
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.Meetings, day.Id, day.Kind == BankHolidayChangeKind.WorkingDay
            ? $"{UkFormat.Date(day.Date)} is a bank holiday again"
            : $"Bank holiday removed: {day.Name}, {UkFormat.Date(day.Date)}"));
        return CommandResult.Saved;
    }

    // The date is unique: another administrator may have changed the same day since the check.
    private async Task<bool> TrySaveAsync(DashboardDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await fresh.BankHolidayChanges.AnyAsync(c => c.Date == date, cancellationToken))
            {
                throw;
            }

            return false;
        }
    }
}
