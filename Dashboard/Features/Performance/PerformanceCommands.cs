using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Time;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Performance;

/// <summary>A stored figure with who entered it and when, so a second saver can see what they would overwrite.</summary>
/// <param name="EnteredBy">The person's name; null for figures the system entered (the demo seed).</param>
public sealed record SavedFigure(int CouncilId, DateOnly Period, decimal Value, string? Note, string? EnteredBy, DateTimeOffset EnteredAt, Guid Version);

/// <summary>
/// Changes to indicator figures. Each checks on the server who may make it, checks every figure, saves all
/// of them in one transaction (audited by the context) or none, then tells open dashboards.
/// </summary>
public sealed class PerformanceCommands(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ReportingClock clock, IChangeNotifier changes)
{
    private const string NotYours = "Only the indicator's owner or an administrator can enter its figures.";
    public const string AdministratorsOnly = "Only an administrator can change an indicator's targets.";

    public const string CatalogueAdministratorsOnly = "Only an administrator can change the indicator catalogue.";

    /// <summary>The indicator's stored figures with who entered each and when, as the figure grid starts from.</summary>
    public async Task<IReadOnlyList<SavedFigure>> SavedFiguresAsync(int indicatorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await SavedFiguresAsync(db, indicatorId, cancellationToken);
    }

    /// <summary>
    /// Adds or corrects a council's actual figures for current and past periods. Each row says which stored figure it
    /// replaces (its version); if someone else has saved any of them since, nothing is saved.
    /// </summary>
    /// <returns>
    /// The outcome and the figures now saved for the rows sent: those written, or, when someone else saved first,
    /// theirs so the grid can show them beside what was typed.
    /// </returns>
    public async Task<(CommandResult Result, IReadOnlyList<SavedFigure> Saved)> SaveValuesAsync(int indicatorId, IReadOnlyList<PiFigureInput> rows, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pi = await db.PerformanceIndicators.Include(p => p.Values).FirstOrDefaultAsync(p => p.Id == indicatorId, cancellationToken);
        if (pi is null)
        {
            return (CommandResult.Refused("That indicator does not exist."), []);
        }

        if (!await user.CanEditAsync(pi.OwnerId) || await user.PersonIdAsync() is not { } personId)
        {
            return (CommandResult.Refused(NotYours), []);
        }

        if (IndicatorLifecycle.ClosedForFigures(pi) is { } retired)
        {
            return (CommandResult.Refused(retired), []);
        }

        var councils = await db.Councils.ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var (figures, errors) = PiFigureEntry.Check(pi, councils, rows, clock.Today);
        if (errors.Count > 0)
        {
            return (CommandResult.Invalid(errors), []);
        }

        // The checks refused a period given twice, so each figure has one row.
        var startedFrom = rows.ToDictionary(r => (r.CouncilId, r.Period), r => r.Version);
        var written = new List<PiValue>();
        var stale = new List<(int, DateOnly)>();
        foreach (var figure in figures)
        {
            var key = (figure.CouncilId, figure.Period);
            var stored = pi.Values.FirstOrDefault(v => v.CouncilId == figure.CouncilId && v.PeriodStart == figure.Period);
            if (stored is not null && stored.Value == figure.Value && stored.Note == figure.Note)
            {
                continue;
            }

            if (stored?.Version != startedFrom[key])
            {
                stale.Add(key);
                continue;
            }

            if (stored is null)
            {
                stored = new PiValue { CouncilId = figure.CouncilId, PeriodStart = figure.Period };
                pi.Values.Add(stored);
            }

            stored.Value = figure.Value;
            stored.Note = figure.Note;
            stored.EnteredById = personId;
            stored.EnteredAt = clock.RecordedAt;
            stored.Source = null;
            written.Add(stored);
        }

        if (stale.Count > 0)
        {
            return (StaleFigures(stale.Count), await SavedFiguresAsync(db, indicatorId, stale, cancellationToken));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save got in between reading and writing: an update matched no row (its version had moved on),
            // or an insert hit the one-figure-a-period index. Anything else leaves no newer figure, and is a real failure.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var newer = (await SavedFiguresAsync(fresh, indicatorId, written.Select(v => (v.CouncilId, v.PeriodStart)).ToList(), cancellationToken))
                .Where(f => f.Version != startedFrom[(f.CouncilId, f.Period)]).ToList();
            if (newer.Count == 0)
            {
                throw;
            }

            return (StaleFigures(newer.Count), newer);
        }

        changes.Publish(new DashboardChange(ChangeArea.PerformanceValues, pi.Id, $"{pi.Ref}: {Figures(figures.Count)} entered") { Scope = ChangeScope.Indicator(pi.Id) });
        // The versions just written, not a fresh read: a read could already hold someone else's next save, which the grid would then overwrite unseen.
        var name = CurrentUser.DisplayNameOf(await user.PrincipalAsync());
        return (CommandResult.Saved, written.Select(v => new SavedFigure(v.CouncilId, v.PeriodStart, v.Value, v.Note, name, v.EnteredAt, v.Version)).ToList());
    }

    private static CommandResult StaleFigures(int count) => CommandResult.Refused(
        $"Someone else saved {(count == 1 ? "one of these figures" : $"{count} of these figures")} while you were editing. Nothing has been saved: " +
        "your figures are still in the grid, with theirs shown beside them.");

    private static async Task<IReadOnlyList<SavedFigure>> SavedFiguresAsync(DashboardDbContext db, int indicatorId, CancellationToken cancellationToken) =>
        await db.PiValues.AsNoTracking()
            .Where(v => v.PerformanceIndicatorId == indicatorId)
            .Select(v => new SavedFigure(v.CouncilId, v.PeriodStart, v.Value, v.Note, v.EnteredBy == null ? null : v.EnteredBy.Name, v.EnteredAt, v.Version))
            .ToListAsync(cancellationToken);

    private static async Task<IReadOnlyList<SavedFigure>> SavedFiguresAsync(DashboardDbContext db, int indicatorId, IReadOnlyCollection<(int CouncilId, DateOnly Period)> cells, CancellationToken cancellationToken) =>
        (await SavedFiguresAsync(db, indicatorId, cancellationToken)).Where(f => cells.Contains((f.CouncilId, f.Period))).ToList();

    /// <summary>
    /// Sets, corrects or clears (a blank) a financial year's targets per council: the year's target, and for a monthly or
    /// quarterly indicator a target per period where the council uses them — the year's target then follows from those
    /// the way the year to date adds up (summed, averaged or the last), so the two never disagree.
    /// </summary>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="year">The financial year the targets are for.</param>
    /// <param name="rows">The targets typed that changed; a blank value removes a target.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<CommandResult> SaveTargetsAsync(int indicatorId, FinancialYear year, IReadOnlyList<TargetInput> rows, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pi = await db.PerformanceIndicators.Include(p => p.Targets).FirstOrDefaultAsync(p => p.Id == indicatorId, cancellationToken);
        if (pi is null)
        {
            return CommandResult.Refused("That indicator does not exist.");
        }

        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(AdministratorsOnly);
        }

        if (IndicatorLifecycle.ClosedForFigures(pi) is { } retired)
        {
            return CommandResult.Refused(retired);
        }

        if (pi.IsDataOnly)
        {
            return CommandResult.Refused($"{pi.Ref} is data only: it has no targets.");
        }

        var councils = await db.Councils.ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var firstFigure = await db.PiValues.Where(v => v.PerformanceIndicatorId == indicatorId).MinAsync(v => (DateOnly?)v.PeriodStart, cancellationToken);
        var (targets, errors) = TargetEntry.Check(pi, year, councils, rows, TargetEntry.Years(clock.Today, firstFigure));
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        TargetEntry.ApplyTo(pi, year, targets);
        if (!db.ChangeTracker.HasChanges())
        {
            return CommandResult.Saved;
        }

        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.PerformanceCatalogue, pi.Id, $"{pi.Ref}: {year.Label} targets changed") { Scope = ChangeScope.Indicator(pi.Id) });
        return CommandResult.Saved;
    }

    /// <summary>
    /// Retires an indicator: its figures, targets and page stay, but no figures are owed and it leaves the board's
    /// summary figures, the board dashboard and the quarterly rollups. Administrators only.
    /// </summary>
    public Task<CommandResult> RetireAsync(int indicatorId, CancellationToken cancellationToken = default) =>
        ChangeIndicatorAsync(indicatorId, pi => IndicatorLifecycle.Retire(pi, clock.Today), pi => $"{pi.Ref} retired", cancellationToken);

    /// <summary>Brings a retired indicator back into reporting. Administrators only.</summary>
    public Task<CommandResult> ReactivateAsync(int indicatorId, CancellationToken cancellationToken = default) =>
        ChangeIndicatorAsync(indicatorId, IndicatorLifecycle.Reactivate, pi => $"{pi.Ref} reactivated", cancellationToken);

    /// <summary>Hands an indicator to another active person, who then owes its figures. Administrators only.</summary>
    public async Task<CommandResult> ChangeOwnerAsync(int indicatorId, int? ownerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owner = ownerId is { } id ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        return await ChangeIndicatorAsync(indicatorId, pi =>
        {
            if (IndicatorLifecycle.CheckOwner(owner, ownerId is not null) is { } problem)
            {
                return problem;
            }

            pi.OwnerId = owner!.Id;
            return null;
        }, pi => $"{pi.Ref} is now reported by {owner!.Name}", cancellationToken, field: nameof(PerformanceIndicator.OwnerId));
    }

    /// <summary>
    /// The one shape of an administrator's change to a catalogue entry: load, "does not exist", administrators only,
    /// the domain rule (its message filed under <paramref name="field"/>, or a refusal), save, announce.
    /// </summary>
    private async Task<CommandResult> ChangeIndicatorAsync(int indicatorId, Func<PerformanceIndicator, string?> change, Func<PerformanceIndicator, string> announcement, CancellationToken cancellationToken, string? field = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pi = await db.PerformanceIndicators.FirstOrDefaultAsync(p => p.Id == indicatorId, cancellationToken);
        if (pi is null)
        {
            return CommandResult.Refused("That indicator does not exist.");
        }

        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(CatalogueAdministratorsOnly);
        }

        if (change(pi) is { } problem)
        {
            return field is null ? CommandResult.Refused(problem) : CommandResult.Invalid(new Dictionary<string, string> { [field] = problem });
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
            changes.Publish(new DashboardChange(ChangeArea.PerformanceCatalogue, pi.Id, announcement(pi)) { Scope = ChangeScope.Indicator(pi.Id) });
        }

        return CommandResult.Saved;
    }

    /// <summary>
    /// Changes the catalogue entry. Targets stay stored when an indicator becomes data only, so switching
    /// back restores its traffic lights rather than losing a year's targets.
    /// </summary>
    public async Task<CommandResult> SaveCatalogueAsync(int indicatorId, CatalogueInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pi = await db.PerformanceIndicators.Include(p => p.Baselines).FirstOrDefaultAsync(p => p.Id == indicatorId, cancellationToken);
        if (pi is null)
        {
            return CommandResult.Refused("That indicator does not exist.");
        }

        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(CatalogueAdministratorsOnly);
        }

        if (input.Validate(pi) is { Count: > 0 } errors)
        {
            return CommandResult.Invalid(errors);
        }

        pi.Description = input.Description!.Trim();
        pi.Polarity = input.Polarity;
        pi.TolerancePercent = input.Tolerance;
        pi.IsDataOnly = input.IsDataOnly;
        foreach (var (councilId, text) in input.Baselines.Where(b => !string.IsNullOrWhiteSpace(b.Value)))
        {
            var value = PiFigureEntry.ParseValue(pi, text).Value!.Value;
            var baseline = pi.Baselines.FirstOrDefault(b => b.CouncilId == councilId);
            if (baseline is null)
            {
                pi.Baselines.Add(new PiBaseline { CouncilId = councilId, Value = value, MeasuredOn = clock.Today });
            }
            else
            {
                baseline.Value = value;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.PerformanceCatalogue, pi.Id, $"{pi.Ref} catalogue entry changed") { Scope = ChangeScope.Indicator(pi.Id) });
        return CommandResult.Saved;
    }

    /// <summary>Adds an indicator to the catalogue; its targets and baselines are then set on its own page.</summary>
    /// <returns>The outcome and, once created, the new indicator's id.</returns>
    public async Task<(CommandResult Result, int? Id)> CreateIndicatorAsync(NewIndicatorInput input, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return (CommandResult.Refused(CatalogueAdministratorsOnly), null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var refs = await db.PerformanceIndicators.Select(p => p.Ref).ToListAsync(cancellationToken);
        var errors = new Dictionary<string, string>(input.Validate(refs));
        if (input.OwnerId is { } ownerId
            && IndicatorLifecycle.CheckOwner(await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == ownerId, cancellationToken), chosen: true) is { } ownerProblem)
        {
            errors[nameof(NewIndicatorInput.OwnerId)] = ownerProblem;
        }

        if (input.SharedServiceId is { } serviceId && !await db.SharedServices.AnyAsync(s => s.Id == serviceId, cancellationToken))
        {
            errors[nameof(NewIndicatorInput.SharedServiceId)] = "That shared service does not exist: choose another.";
        }

        if (errors.Count > 0)
        {
            return (CommandResult.Invalid(errors), null);
        }

        var pi = input.ToIndicator();
        db.PerformanceIndicators.Add(pi);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone added the same reference between the check and the save; the unique index kept one.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await fresh.PerformanceIndicators.AnyAsync(p => p.Ref == pi.Ref, cancellationToken))
            {
                throw;
            }

            return (CommandResult.Invalid(new Dictionary<string, string> { [nameof(NewIndicatorInput.Ref)] = $"{pi.Ref} is already in the catalogue: choose another reference." }), null);
        }

        changes.Publish(new DashboardChange(ChangeArea.PerformanceCatalogue, pi.Id, $"{pi.Ref} added to the catalogue") { Scope = ChangeScope.Indicator(pi.Id) });
        return (CommandResult.Saved, pi.Id);
    }

    private static string Figures(int count) => count == 1 ? "1 figure" : $"{count} figures";
}
