using System.Globalization;
using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Services;
using Dashboard.Domain.Time;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin.ServicesAndProjects;

/// <summary>
/// Administrators set up the services and projects the board follows: create, edit, place in the report's order,
/// archive and restore. Each checks on the server that the user is an administrator (the page's attribute is not
/// the only guard), validates, saves in one audited transaction, then tells open screens.
/// </summary>
public sealed class ServiceSetupCommands(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ReportingClock clock, IChangeNotifier changes)
{
    public const string OnlyAdministrators = "Only an administrator can set up services and projects.";

    public const string NotFound = "That service or project does not exist.";

    public const string ChangedMeanwhile = "Someone else changed this service while you were editing. Nothing has been saved and your changes are still in the form: reload the page to see theirs, then make yours again.";

    /// <summary>Sets up a new service or project at the end of its table.</summary>
    /// <returns>The outcome and, once saved, the new service's id.</returns>
    public async Task<(CommandResult Result, int? Id)> CreateAsync(ServiceInput input, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return (CommandResult.Refused(OnlyAdministrators), null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (input.Validate(await ChoicesAsync(db, null, cancellationToken), clock.Today) is { Count: > 0 } errors)
        {
            return (CommandResult.Invalid(errors), null);
        }

        var service = new SharedService { Name = "" };
        input.ApplyTo(service);
        service.Order = ReportOrder.NextOrder(await db.SharedServices.Select(s => s.Order).ToListAsync(cancellationToken));
        db.SharedServices.Add(service);
        if (await SaveAsync(db, service, cancellationToken) is { } clash)
        {
            return (clash, null);
        }

        var what = service.Phase == ServicePhase.Live ? "a live shared service" : "a project underway";
        changes.Publish(new DashboardChange(ChangeArea.Services, service.Id, $"{service.Name} set up as {what}") { Scope = ChangeScope.Service(service.Id) });
        return (CommandResult.Saved, service.Id);
    }

    /// <summary>Saves an edit of the copy the administrator started from (<paramref name="version"/>); a stale copy is refused.</summary>
    public async Task<CommandResult> UpdateAsync(int serviceId, Guid version, ServiceInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = await db.SharedServices.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null)
        {
            return CommandResult.Refused(NotFound);
        }

        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(OnlyAdministrators);
        }

        if (input.Validate(await ChoicesAsync(db, serviceId, cancellationToken), clock.Today) is { Count: > 0 } errors)
        {
            return CommandResult.Invalid(errors);
        }

        var section = ReportOrder.SectionOf(service.Phase, service.Arrangement);
        db.Entry(service).Property(s => s.Version).OriginalValue = version;
        input.ApplyTo(service);
        if (ReportOrder.SectionOf(service.Phase, service.Arrangement) != section)
        {
            // It has moved to another table (or under the WETT sub-heading): it joins the end of it.
            service.Order = ReportOrder.NextOrder(await db.SharedServices.Select(s => s.Order).ToListAsync(cancellationToken));
        }

        if (await SaveAsync(db, service, cancellationToken) is { } refused)
        {
            return refused;
        }

        changes.Publish(new DashboardChange(ChangeArea.Services, service.Id, $"{service.Name} changed") { Scope = ChangeScope.Service(service.Id) });
        return CommandResult.Saved;
    }

    /// <summary>Moves a service one place up or down within its part of the report's tables.</summary>
    /// <returns>The outcome and, when it moved, the sentence that says where it now is.</returns>
    public async Task<(CommandResult Result, string? Moved)> MoveAsync(int serviceId, MoveDirection direction, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inUse = await db.SharedServices.Where(s => s.ArchivedOn == null).ToListAsync(cancellationToken);
        var service = inUse.FirstOrDefault(s => s.Id == serviceId);
        if (service is null)
        {
            return (CommandResult.Refused(await db.SharedServices.AnyAsync(s => s.Id == serviceId, cancellationToken)
                ? "An archived service has no place in the board's tables: restore it first."
                : NotFound), null);
        }

        if (!await user.IsAdministratorAsync())
        {
            return (CommandResult.Refused(OnlyAdministrators), null);
        }

        var (move, problem) = ReportOrder.Move(inUse.Select(s => new ServicePlace(s.Id, s.Phase, s.Arrangement, s.Order)), serviceId, direction);
        if (move is null)
        {
            return (CommandResult.Refused($"{service.Name} is {problem}."), null);
        }

        foreach (var other in inUse.Where(s => move.NewOrders.ContainsKey(s.Id)))
        {
            other.Order = move.NewOrders[other.Id];
        }

        await db.SaveChangesAsync(cancellationToken);
        var moved = $"{service.Name} moved {(direction == MoveDirection.Up ? "up" : "down")}: now {move.Position} of {move.Count} in {ReportOrder.TitleOf(move.Section)}";
        changes.Publish(new DashboardChange(ChangeArea.Services, service.Id, moved) { Scope = ChangeScope.Service(service.Id) });
        return (CommandResult.Saved, moved);
    }

    /// <summary>Takes a service out of the board's tables, reminders and card editing, keeping everything it has.</summary>
    public Task<CommandResult> ArchiveAsync(int serviceId, CancellationToken cancellationToken = default) =>
        SetArchivedAsync(serviceId, archive: true, cancellationToken);

    /// <summary>Puts an archived service back, at the end of its table.</summary>
    public Task<CommandResult> RestoreAsync(int serviceId, CancellationToken cancellationToken = default) =>
        SetArchivedAsync(serviceId, archive: false, cancellationToken);

    private async Task<CommandResult> SetArchivedAsync(int serviceId, bool archive, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = await db.SharedServices.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null)
        {
            return CommandResult.Refused(NotFound);
        }

        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(OnlyAdministrators);
        }

        if (service.IsArchived == archive)
        {
            return CommandResult.Refused(archive ? $"{service.Name} is already archived." : $"{service.Name} is not archived.");
        }

        service.ArchivedOn = archive ? clock.Today : null;
        if (!archive)
        {
            service.Order = ReportOrder.NextOrder(await db.SharedServices.Select(s => s.Order).ToListAsync(cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        var summary = archive
            ? $"{service.Name} archived on {clock.Today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}"
            : $"{service.Name} restored to {ReportOrder.TitleOf(ReportOrder.SectionOf(service.Phase, service.Arrangement))}";
        changes.Publish(new DashboardChange(ChangeArea.Services, service.Id, summary) { Scope = ChangeScope.Service(service.Id) });
        return CommandResult.Saved;
    }

    private static async Task<ServiceChoices> ChoicesAsync(DashboardDbContext db, int? editing, CancellationToken cancellationToken) => new(
        await db.SharedServices.Where(s => s.Id != editing).Select(s => s.Name).ToListAsync(cancellationToken),
        await OwnerChoices.ActivePeopleAsync(db, cancellationToken),
        (await db.Councils.Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet());

    /// <returns>Null once saved; otherwise why not (another save got in first).</returns>
    private async Task<CommandResult?> SaveAsync(DashboardDbContext db, SharedService service, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Refused(ChangedMeanwhile);
        }
        catch (DbUpdateException)
        {
            // The same name saved by someone else between the check and the save: the unique index kept theirs.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await fresh.SharedServices.AnyAsync(s => s.Name == service.Name && s.Id != service.Id, cancellationToken))
            {
                throw;
            }

            return CommandResult.Invalid(new Dictionary<string, string> { [nameof(ServiceInput.Name)] = $"There is already a service or project called {service.Name}: choose another name." });
        }
    }
}
