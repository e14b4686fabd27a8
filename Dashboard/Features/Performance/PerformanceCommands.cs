using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Time;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Performance;

/// <summary>
/// Changes to indicator figures. Each checks on the server who may make it, checks every figure, saves all
/// of them in one transaction (audited by the context) or none, then tells open dashboards.
/// </summary>
public sealed class PerformanceCommands(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ReportingClock clock, IChangeNotifier changes)
{
    private const string NotYours = "Only the indicator's owner or an administrator can enter its figures.";
    private const string AdministratorsOnly = "Only an administrator can change an indicator's targets.";

    public const string CatalogueAdministratorsOnly = "Only an administrator can change the indicator catalogue.";

    /// <summary>Adds or corrects a council's actual figures for current and past periods.</summary>
    public async Task<CommandResult> SaveValuesAsync(int indicatorId, IReadOnlyList<PiFigureInput> rows, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pi = await db.PerformanceIndicators.Include(p => p.Values).FirstOrDefaultAsync(p => p.Id == indicatorId, cancellationToken);
        if (pi is null)
        {
            return CommandResult.Refused("That indicator does not exist.");
        }

        if (!await user.CanEditAsync(pi.OwnerId) || await user.PersonIdAsync() is not { } personId)
        {
            return CommandResult.Refused(NotYours);
        }

        var councils = await db.Councils.ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var (figures, errors) = PiFigureEntry.Check(pi, councils, rows, clock.Today);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        foreach (var figure in figures)
        {
            var stored = pi.Values.FirstOrDefault(v => v.CouncilId == figure.CouncilId && v.PeriodStart == figure.Period);
            if (stored is null)
            {
                stored = new PiValue { CouncilId = figure.CouncilId, PeriodStart = figure.Period };
                pi.Values.Add(stored);
            }
            else if (stored.Value == figure.Value && stored.Note == figure.Note)
            {
                continue;
            }

            stored.Value = figure.Value;
            stored.Note = figure.Note;
            stored.EnteredById = personId;
            stored.EnteredAt = clock.UtcNow;
        }

        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.PerformanceValues, pi.Id, $"{pi.Ref}: {Figures(figures.Count)} entered"));
        return CommandResult.Saved;
    }

    /// <summary>
    /// Sets a financial year's targets per council. For monthly and quarterly indicators the annual target
    /// follows from the period targets the way the year-to-date does (summed, averaged or the last), so the two never disagree.
    /// </summary>
    public async Task<CommandResult> SaveTargetsAsync(int indicatorId, FinancialYear year, IReadOnlyList<PiFigureInput> rows, CancellationToken cancellationToken = default)
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

        if (pi.IsDataOnly)
        {
            return CommandResult.Refused($"{pi.Ref} is data only: it has no targets.");
        }

        var councils = await db.Councils.ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var (figures, errors) = PiFigureEntry.Check(pi, councils, rows, today: year.End);
        var checkedErrors = new Dictionary<string, string>(errors);
        foreach (var row in rows.Where(r => !year.Contains(r.Period)))
        {
            checkedErrors[PiFigureEntry.FieldKey(row.CouncilId, row.Period, "Period")] = $"That period is not in {year.Label}.";
        }

        if (checkedErrors.Count > 0)
        {
            return CommandResult.Invalid(checkedErrors);
        }

        foreach (var figure in figures)
        {
            DateOnly? period = pi.Frequency == CollectionFrequency.Annual ? null : figure.Period;
            Upsert(pi, figure.CouncilId, year, period, figure.Value);
        }

        if (pi.Frequency != CollectionFrequency.Annual)
        {
            foreach (var councilId in figures.Select(f => f.CouncilId).Distinct())
            {
                var periodTargets = pi.Targets.Where(t => t.CouncilId == councilId && t.FinancialYear == year.StartYear && t.PeriodStart is not null)
                    .Select(t => (t.PeriodStart!.Value, t.Target));
                if (YearToDate.Of(pi.Aggregation, periodTargets) is { } annual)
                {
                    Upsert(pi, councilId, year, null, annual);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.PerformanceCatalogue, pi.Id, $"{pi.Ref}: {year.Label} targets changed"));
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
        changes.Publish(new DashboardChange(ChangeArea.PerformanceCatalogue, pi.Id, $"{pi.Ref} catalogue entry changed"));
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
        var owner = input.OwnerId is { } ownerId ? await db.People.Where(p => p.Id == ownerId).Select(p => new { p.Name, p.DeactivatedAt }).FirstOrDefaultAsync(cancellationToken) : null;
        if (input.OwnerId is not null && owner is null)
        {
            errors[nameof(NewIndicatorInput.OwnerId)] = "That person is not in the dashboard: choose another.";
        }
        else if (owner?.DeactivatedAt is not null)
        {
            errors[nameof(NewIndicatorInput.OwnerId)] = $"{owner.Name} has been deactivated: choose an active person.";
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

        changes.Publish(new DashboardChange(ChangeArea.PerformanceCatalogue, pi.Id, $"{pi.Ref} added to the catalogue"));
        return (CommandResult.Saved, pi.Id);
    }

    private static void Upsert(PerformanceIndicator pi, int councilId, FinancialYear year, DateOnly? period, decimal value)
    {
        var target = pi.Targets.FirstOrDefault(t => t.CouncilId == councilId && t.FinancialYear == year.StartYear && t.PeriodStart == period);
        if (target is null)
        {
            pi.Targets.Add(new PiTarget { CouncilId = councilId, FinancialYear = year.StartYear, PeriodStart = period, Target = value });
        }
        else
        {
            target.Target = value;
        }
    }

    private static string Figures(int count) => count == 1 ? "1 figure" : $"{count} figures";
}
