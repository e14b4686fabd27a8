using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Services;
using Dashboard.Domain.Time;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Services;

/// <summary>
/// Changes to a live service's benefits realisation report (Appendix B): its expected results, other benefits and
/// summary for the board (<see cref="BenefitEntry"/>), and its key performance standards (<see cref="KeyStandard"/>).
/// Each checks on the server that the user is the service's client owner or an administrator and that the service is
/// live, validates, refuses a stale copy (handing back the newer one to show), saves in one transaction, then tells
/// open screens.
/// </summary>
public sealed class BenefitsCommands(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ReportingClock clock, IChangeNotifier changes)
{
    public const string NotYours = "Only the service's client owner or an administrator can edit its benefits realisation.";

    public const string ChangedMeanwhile = "Someone else changed this row while you were editing. Your text has not been saved and is still in the form; theirs is shown with it. Save again to replace theirs with yours.";

    public const string RemovedMeanwhile = "Someone else removed this row while you were editing. Your text is still in the form: copy it into a new row if it is still wanted.";

    public const string ChangedBeforeRemoving = "Someone else changed this row since you opened the page, so it has not been removed: look at their change, then remove it if it is still not wanted.";

    /// <summary>Adds (no <paramref name="entryId"/>) or changes an expected result, other benefit or paragraph of the summary.</summary>
    /// <returns>The outcome and, when someone else saved the row first, their row so the editor can show it.</returns>
    public async Task<(CommandResult Result, BenefitEntry? Newer)> SaveBenefitAsync(int serviceId, BenefitKind kind, int? entryId, Guid? version, BenefitInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (service, refusal) = await OpenAsync(db, serviceId, cancellationToken);
        if (service is null)
        {
            return (refusal!, null);
        }

        if (input.Validate(kind) is { Count: > 0 } errors)
        {
            return (CommandResult.Invalid(errors), null);
        }

        var entry = entryId is { } id
            ? await db.BenefitEntries.FirstOrDefaultAsync(b => b.Id == id && b.SharedServiceId == serviceId && b.Kind == kind, cancellationToken)
            : new BenefitEntry { SharedServiceId = serviceId, Kind = kind, Order = await NextOrderAsync(db.BenefitEntries.Where(b => b.SharedServiceId == serviceId && b.Kind == kind), cancellationToken), Expected = "" };
        if (entry is null)
        {
            return (CommandResult.Refused(RemovedMeanwhile), null);
        }

        input.ApplyTo(entry);
        entry.Source = null;
        var saved = await SaveVersionedAsync(db, entry, version, serviceId, cancellationToken);
        if (!saved.Succeeded)
        {
            return (saved, await FreshAsync(db => db.BenefitEntries.Where(b => b.Id == entry.Id), cancellationToken));
        }

        Announce(service, entryId is null ? $"{What(kind)} added" : $"{What(kind)} changed");
        return (CommandResult.Saved, null);
    }

    /// <summary>
    /// Adds (no <paramref name="standardId"/>) or changes a key performance standard. A new row linked to a catalogue
    /// indicator (<paramref name="indicatorId"/>) takes its figures from it; any other row carries the figures entered.
    /// </summary>
    public async Task<(CommandResult Result, KeyStandard? Newer)> SaveKeyStandardAsync(int serviceId, int? standardId, Guid? version, int? indicatorId, KeyStandardInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (service, refusal) = await OpenAsync(db, serviceId, cancellationToken);
        if (service is null)
        {
            return (refusal!, null);
        }

        KeyStandard? row;
        if (standardId is { } id)
        {
            row = await db.KeyStandards.Include(k => k.Figures).FirstOrDefaultAsync(k => k.Id == id && k.SharedServiceId == serviceId, cancellationToken);
            if (row is null)
            {
                return (CommandResult.Refused(RemovedMeanwhile), null);
            }
        }
        else
        {
            row = new KeyStandard { SharedServiceId = serviceId, PerformanceIndicatorId = indicatorId, Order = await NextOrderAsync(db.KeyStandards.Where(k => k.SharedServiceId == serviceId), cancellationToken) };
            if (indicatorId is { } chosen && await IndicatorRefusalAsync(db, serviceId, chosen, cancellationToken) is { } problem)
            {
                return (CommandResult.Invalid(new Dictionary<string, string> { ["Indicator"] = problem }), null);
            }
        }

        var councils = await db.Councils.Select(c => c.Id).ToListAsync(cancellationToken);
        if (input.Validate(row.IsLinked, councils) is { Count: > 0 } errors)
        {
            return (CommandResult.Invalid(errors), null);
        }

        input.ApplyTo(row);
        CommandResult saved;
        try
        {
            saved = await SaveVersionedAsync(db, row, version, serviceId, cancellationToken);
        }
        catch (DbUpdateException) when (standardId is null && indicatorId is { } chosen)
        {
            // Another editor added the same indicator between the check and the save; the unique index kept one row.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await IndicatorRefusalAsync(fresh, serviceId, chosen, cancellationToken) is not { } problem)
            {
                throw;
            }

            return (CommandResult.Invalid(new Dictionary<string, string> { ["Indicator"] = problem }), null);
        }

        if (!saved.Succeeded)
        {
            return (saved, await FreshAsync(db => db.KeyStandards.Where(k => k.Id == row.Id).Include(k => k.Figures).Include(k => k.PerformanceIndicator), cancellationToken));
        }

        Announce(service, standardId is null ? "key performance standard added" : "key performance standard changed");
        return (CommandResult.Saved, null);
    }

    /// <summary>Removes an expected result, other benefit or summary paragraph, unless someone changed it since the user saw it.</summary>
    public Task<CommandResult> RemoveBenefitAsync(int serviceId, int entryId, Guid version, CancellationToken cancellationToken = default) =>
        RemoveAsync(db => db.BenefitEntries, serviceId, entryId, version, "benefits row removed", cancellationToken);

    /// <summary>Removes a key performance standard (a linked indicator stays in the catalogue), unless someone changed it meanwhile.</summary>
    public Task<CommandResult> RemoveKeyStandardAsync(int serviceId, int standardId, Guid version, CancellationToken cancellationToken = default) =>
        RemoveAsync(db => db.KeyStandards.Include(k => k.Figures), serviceId, standardId, version, "key performance standard removed", cancellationToken);

    /// <summary>Moves a benefits row up (<paramref name="by"/> -1) or down (+1) among the rows of its kind.</summary>
    public async Task<CommandResult> MoveBenefitAsync(int serviceId, int entryId, int by, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kind = await db.BenefitEntries.Where(b => b.Id == entryId && b.SharedServiceId == serviceId).Select(b => (BenefitKind?)b.Kind).FirstOrDefaultAsync(cancellationToken);
        return await MoveAsync(db, db.BenefitEntries.Where(b => b.SharedServiceId == serviceId && b.Kind == kind), serviceId, entryId, by, cancellationToken);
    }

    /// <summary>Moves a key performance standard up (<paramref name="by"/> -1) or down (+1) in the table.</summary>
    public async Task<CommandResult> MoveKeyStandardAsync(int serviceId, int standardId, int by, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await MoveAsync(db, db.KeyStandards.Where(k => k.SharedServiceId == serviceId), serviceId, standardId, by, cancellationToken);
    }

    /// <summary>The one guard every change passes: the service exists, the user may edit it, and it is live.</summary>
    private async Task<(SharedService? Service, CommandResult? Refusal)> OpenAsync(DashboardDbContext db, int serviceId, CancellationToken cancellationToken)
    {
        var service = await db.SharedServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null)
        {
            return (null, CommandResult.Refused("That service does not exist."));
        }

        if (!await user.CanEditAsync(service.OwnerId))
        {
            return (null, CommandResult.Refused(NotYours));
        }

        return service.Phase != ServicePhase.Live
            ? (null, CommandResult.Refused($"{service.Name} is not live yet: its benefits realisation is reported once it goes live."))
            : (service, null);
    }

    /// <summary>
    /// Saves a new row, or a changed one only if it is still the version the editor started from. The version is
    /// compared on reading and again by the database on writing, so a save that lands in between is caught too.
    /// </summary>
    private async Task<CommandResult> SaveVersionedAsync<T>(DashboardDbContext db, T row, Guid? version, int serviceId, CancellationToken cancellationToken)
        where T : class, IOrderedServiceRow
    {
        if (db.Entry(row).State == EntityState.Detached)
        {
            db.Add(row);
        }
        else if (row.Version != version)
        {
            return CommandResult.Refused(ChangedMeanwhile);
        }

        row.UpdatedAt = clock.RecordedAt;
        if (db.Entry(row).State == EntityState.Unchanged && db.ChangeTracker.HasChanges())
        {
            // Only a council's figures changed: the row still takes a new version, so a stale copy of it is refused.
            db.Entry(row).State = EntityState.Modified;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return CommandResult.Refused(await fresh.Set<T>().AnyAsync(r => r.Id == row.Id && r.SharedServiceId == serviceId, cancellationToken) ? ChangedMeanwhile : RemovedMeanwhile);
        }

        return CommandResult.Saved;
    }

    private async Task<CommandResult> RemoveAsync<T>(Func<DashboardDbContext, IQueryable<T>> rows, int serviceId, int id, Guid version, string what, CancellationToken cancellationToken)
        where T : class, IOrderedServiceRow
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (service, refusal) = await OpenAsync(db, serviceId, cancellationToken);
        if (service is null)
        {
            return refusal!;
        }

        var row = await rows(db).FirstOrDefaultAsync(r => r.Id == id && r.SharedServiceId == serviceId, cancellationToken);
        if (row is null)
        {
            // Already gone: what the user asked for has happened.
            return CommandResult.Saved;
        }

        if (row.Version != version)
        {
            return CommandResult.Refused(ChangedBeforeRemoving);
        }

        db.Remove(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Refused(ChangedBeforeRemoving);
        }

        Announce(service, what);
        return CommandResult.Saved;
    }

    /// <summary>Swaps the row with its neighbour and numbers the table from 1, in one save.</summary>
    private async Task<CommandResult> MoveAsync<T>(DashboardDbContext db, IQueryable<T> table, int serviceId, int id, int by, CancellationToken cancellationToken)
        where T : class, IOrderedServiceRow
    {
        var (service, refusal) = await OpenAsync(db, serviceId, cancellationToken);
        if (service is null)
        {
            return refusal!;
        }

        var rows = await table.OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var index = rows.FindIndex(r => r.Id == id);
        if (index < 0)
        {
            return CommandResult.Refused(RemovedMeanwhile);
        }

        var moved = RowOrder.Move(rows, index, by);
        for (var i = 0; i < moved.Count; i++)
        {
            moved[i].Order = i + 1;
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
            Announce(service, "rows reordered");
        }

        return CommandResult.Saved;
    }

    private static async Task<int> NextOrderAsync<T>(IQueryable<T> table, CancellationToken cancellationToken)
        where T : class, IOrderedServiceRow =>
        (await table.MaxAsync(r => (int?)r.Order, cancellationToken) ?? 0) + 1;

    /// <summary>A row as saved now, read afresh, for an editor told that someone else changed it.</summary>
    private async Task<T?> FreshAsync<T>(Func<DashboardDbContext, IQueryable<T>> query, CancellationToken cancellationToken)
        where T : class
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await query(db).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Why an indicator cannot be added to the service's table, or null when it can.</summary>
    private static async Task<string?> IndicatorRefusalAsync(DashboardDbContext db, int serviceId, int indicatorId, CancellationToken cancellationToken)
    {
        var pi = await db.PerformanceIndicators.AsNoTracking().FirstOrDefaultAsync(p => p.Id == indicatorId, cancellationToken);
        if (pi is null)
        {
            return "That indicator is not in the catalogue: choose another.";
        }

        if (pi.RetiredOn is not null)
        {
            return $"{pi.Ref} has been retired: choose an indicator that is still reported.";
        }

        return await db.KeyStandards.AnyAsync(k => k.SharedServiceId == serviceId && k.PerformanceIndicatorId == indicatorId, cancellationToken)
            ? $"{pi.Ref} is already in this table."
            : null;
    }

    private void Announce(SharedService service, string what) =>
        changes.Publish(new DashboardChange(ChangeArea.Benefits, service.Id, $"{service.Name} benefits realisation: {what}") { Scope = ChangeScope.Service(service.Id) });

    private static string What(BenefitKind kind) => kind switch
    {
        BenefitKind.BusinessCase => "expected result",
        BenefitKind.Other => "other benefit",
        _ => "summary for the board",
    };
}
