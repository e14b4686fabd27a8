using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Services;
using Dashboard.Domain.Time;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Services;

/// <summary>This period's card as saved, so a second saver can see what they would overwrite.</summary>
public sealed record SavedCard(Rag Rag, string Commentary, string? ReasonForChange, string UpdatedBy, DateTimeOffset UpdatedAt, Guid Version);

/// <summary>
/// Writes a manager's status card for the month in progress. Checks on the server that the user owns
/// the service (or is an administrator), validates, refuses a stale copy, then tells open dashboards.
/// </summary>
public sealed class StatusCardCommands(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ReportingClock clock, IChangeNotifier changes)
{
    public const string NotYours = "Only the service's manager or an administrator can update its status card.";

    /// <summary>This month's card for the service, if one has been written.</summary>
    public async Task<SavedCard?> CurrentCardAsync(int serviceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CardAsync(db, serviceId, clock.CurrentMonth, cancellationToken);
    }

    /// <param name="serviceId">The service whose card it is.</param>
    /// <param name="version">The version of this month's card the editor started from; null when it started with no card.</param>
    /// <param name="input">What the manager entered.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>
    /// The outcome and the card now saved: the one written (its version is what the editor's next save replaces), or,
    /// when someone else saved first, theirs so the editor can show it. None when nothing was saved for another reason.
    /// </returns>
    public async Task<(CommandResult Result, SavedCard? Saved)> SaveAsync(int serviceId, Guid? version, StatusCardInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = await db.SharedServices.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null)
        {
            return (CommandResult.Refused("That service does not exist."), null);
        }

        if (!await user.CanEditAsync(service.OwnerId) || await user.PersonIdAsync() is not { } personId)
        {
            return (CommandResult.Refused(NotYours), null);
        }

        if (service.IsArchived)
        {
            return (CommandResult.Refused($"{service.Name} is archived: an administrator must restore it before its status card can be updated."), null);
        }

        var period = clock.CurrentMonth;
        var previous = await db.StatusUpdates.Where(u => u.SharedServiceId == serviceId && u.Period < period)
            .OrderByDescending(u => u.Period).Select(u => (Rag?)u.Rag).FirstOrDefaultAsync(cancellationToken);
        if (input.Validate(previous) is { Count: > 0 } errors)
        {
            return (CommandResult.Invalid(errors), null);
        }

        var card = await db.StatusUpdates.FirstOrDefaultAsync(u => u.SharedServiceId == serviceId && u.Period == period, cancellationToken);
        if (card is null && version is not null || card is not null && card.Version != version)
        {
            return (Stale(), card is null ? null : await CardAsync(db, serviceId, period, cancellationToken));
        }

        if (card is null)
        {
            card = new StatusUpdate { SharedServiceId = serviceId, Period = period, Commentary = "" };
            db.StatusUpdates.Add(card);
        }
        else
        {
            db.Entry(card).Property(u => u.Version).OriginalValue = version!.Value;
        }

        card.Rag = input.Rag!.Value;
        card.Commentary = input.Commentary!.Trim();
        card.ReasonForChange = string.IsNullOrWhiteSpace(input.ReasonForChange) ? null : input.ReasonForChange.Trim();
        card.UpdatedById = personId;
        card.UpdatedAt = clock.RecordedAt;
        card.Source = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save got in between reading and writing: the update matched no row, or the insert hit
            // the one-card-a-month index. Anything else leaves no newer card to show, and is a real failure.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var newer = await CardAsync(fresh, serviceId, period, cancellationToken);
            if (newer is null || newer.Version == version)
            {
                throw;
            }

            return (Stale(), newer);
        }

        changes.Publish(new DashboardChange(ChangeArea.StatusCards, serviceId, $"{service.Name} status set to {card.Rag}") { Scope = ChangeScope.Service(serviceId) });

        // The version just written, not a fresh read: a read could already hold someone else's next save, which the
        // editor would then overwrite unseen.
        var name = CurrentUser.DisplayNameOf(await user.PrincipalAsync());
        return (CommandResult.Saved, new SavedCard(card.Rag, card.Commentary, card.ReasonForChange, name, card.UpdatedAt, card.Version));
    }

    private static CommandResult Stale() =>
        CommandResult.Refused("Someone else saved this month's card while you were editing. Your text has not been saved and is still in the form; their version is shown below.");

    private static Task<SavedCard?> CardAsync(DashboardDbContext db, int serviceId, DateOnly period, CancellationToken cancellationToken) =>
        db.StatusUpdates.AsNoTracking()
            .Where(u => u.SharedServiceId == serviceId && u.Period == period)
            .Select(u => new SavedCard(u.Rag, u.Commentary, u.ReasonForChange, u.UpdatedBy!.Name, u.UpdatedAt, u.Version))
            .FirstOrDefaultAsync(cancellationToken);
}
