using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Finance;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Savings;

/// <summary>A savings line as the page shows it; <see cref="CouncilCode"/> null when not split between the councils.</summary>
public sealed record SavingsLineRow(
    int Id,
    int? CouncilId,
    string? CouncilCode,
    string? CouncilName,
    int FinancialYear,
    string Description,
    int? SharedServiceId,
    string? Service,
    int? OwnerId,
    string? Owner,
    decimal Target,
    decimal Forecast,
    decimal? Delivered,
    string? Commentary,
    string? Source,
    Guid Version)
{
    public SavingsFigures Figures => new(CouncilCode, Target, Forecast, Delivered);

    public SavingsLineInput ToInput() => new()
    {
        CouncilId = CouncilId,
        NotSplit = CouncilId is null,
        FinancialYear = FinancialYear,
        Description = Description,
        SharedServiceId = SharedServiceId,
        OwnerId = OwnerId,
        Target = Money.Editable(Target),
        Forecast = Money.Editable(Forecast),
        Delivered = Delivered is { } delivered ? Money.Editable(delivered) : null,
        Commentary = Commentary,
    };
}

/// <summary>A financial year's savings: its lines and their totals.</summary>
public sealed record SavingsYear(int FinancialYear, IReadOnlyList<SavingsLineRow> Lines, SavingsSummary Summary);

/// <summary>
/// Savings lines per council per financial year. Administrators add and remove lines and change anything; a line's
/// owner keeps its forecast, delivered to date and commentary up to date. Checked on the server, validated, a stale
/// copy refused (the line has a version), saved in one transaction, then announced to open screens.
/// </summary>
public sealed class SavingsCommands(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, IChangeNotifier changes)
{
    public const string AdministratorsOnly = "Only an administrator can add or remove savings lines.";

    public const string NotYours = "Only the line's owner or an administrator can update this savings line.";

    public const string SavedMeanwhile = "Someone else saved this savings line while you were editing. Your figures have not been saved and are still in the form; theirs are shown above it.";

    private const string Gone = "That savings line does not exist (it may have been removed).";

    public async Task<SavingsYear> YearAsync(int financialYear, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await YearAsync(db, financialYear, cancellationToken);
    }

    /// <summary>The year's lines and totals, read in the caller's context (the board dashboard, the pack and the rollup share this reading).</summary>
    public static async Task<SavingsYear> YearAsync(DashboardDbContext db, int financialYear, CancellationToken cancellationToken)
    {
        var lines = await Rows(db, l => l.FinancialYear == financialYear).ToListAsync(cancellationToken);
        var ordered = lines.OrderBy(l => l.CouncilCode is null).ThenBy(l => l.CouncilCode, StringComparer.Ordinal).ThenBy(l => l.Id).ToList();
        var councils = await db.Councils.AsNoTracking().Select(c => c.Code).ToListAsync(cancellationToken);
        return new SavingsYear(financialYear, ordered, SavingsSummary.Of(councils, ordered.Select(l => l.Figures)));
    }

    /// <summary>The financial years that have savings lines.</summary>
    public async Task<List<int>> YearsWithLinesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SavingsLines.Select(s => s.FinancialYear).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);
    }

    public async Task<SavingsLineRow?> LineAsync(int lineId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Rows(db, l => l.Id == lineId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<(CommandResult Result, int? LineId)> AddAsync(SavingsLineInput input, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return (CommandResult.Refused(AdministratorsOnly), null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ValidateAsync(db, input, null, cancellationToken) is { Count: > 0 } errors)
        {
            return (CommandResult.Invalid(errors), null);
        }

        var line = new SavingsLine { Description = "" };
        input.ApplyTo(line);
        db.SavingsLines.Add(line);
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.Savings, line.Id, $"Savings line added: {line.Description}"));
        return (CommandResult.Saved, line.Id);
    }

    /// <param name="lineId">The line.</param>
    /// <param name="version">The version the editor started from.</param>
    /// <param name="input">What was typed.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The outcome and, when someone else saved first, their line so the editor can show it.</returns>
    public async Task<(CommandResult Result, SavingsLineRow? Newer)> SaveAsync(int lineId, Guid version, SavingsLineInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var line = await db.SavingsLines.FirstOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null)
        {
            return (CommandResult.Refused(Gone), null);
        }

        var administrator = await user.IsAdministratorAsync();
        if (!administrator && (line.OwnerId is not { } owner || !await user.CanEditAsync(owner)))
        {
            return (CommandResult.Refused(NotYours), null);
        }

        if (line.Version != version)
        {
            return (CommandResult.Refused(SavedMeanwhile), await Rows(db, l => l.Id == lineId).FirstAsync(cancellationToken));
        }

        if (!administrator && input.AdministratorFieldsChanged(line) is { Count: > 0 } changed)
        {
            var fields = changed.Count == 1 ? changed[0] : $"{string.Join(", ", changed.Take(changed.Count - 1))} and {changed[^1]}";
            return (CommandResult.Refused($"Only an administrator can change a line's {fields}; you can update its forecast, delivered to date and commentary."), null);
        }

        if (await ValidateAsync(db, input, line, cancellationToken) is { Count: > 0 } errors)
        {
            return (CommandResult.Invalid(errors), null);
        }

        db.Entry(line).Property(l => l.Version).OriginalValue = version;
        input.ApplyTo(line);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var newer = await Rows(fresh, l => l.Id == lineId).FirstOrDefaultAsync(cancellationToken);
            return newer is null ? (CommandResult.Refused(Gone), null) : (CommandResult.Refused(SavedMeanwhile), newer);
        }

        changes.Publish(new DashboardChange(ChangeArea.Savings, line.Id, $"Savings line updated: {line.Description}"));
        return (CommandResult.Saved, null);
    }

    /// <summary>Removes a line; refused if it changed since the administrator looked at it.</summary>
    public async Task<CommandResult> RemoveAsync(int lineId, Guid version, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var line = await db.SavingsLines.FirstOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null)
        {
            return CommandResult.Refused(Gone);
        }

        const string ChangedMeanwhile = "Someone changed this savings line since you opened the page, so it has not been removed: look at it again first.";
        if (line.Version != version)
        {
            return CommandResult.Refused(ChangedMeanwhile);
        }

        db.Entry(line).Property(l => l.Version).OriginalValue = version;
        db.SavingsLines.Remove(line);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Refused(ChangedMeanwhile);
        }

        changes.Publish(new DashboardChange(ChangeArea.Savings, line.Id, $"Savings line removed: {line.Description}"));
        return CommandResult.Saved;
    }

    // The input's own rules, then what only the database knows: the council, service and owner exist (a new owner must be active).
    private static async Task<Dictionary<string, string>> ValidateAsync(DashboardDbContext db, SavingsLineInput input, SavingsLine? line, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(input.Validate());
        if (!errors.ContainsKey(nameof(input.CouncilId)) && input.CouncilId is { } council && !await db.Councils.AnyAsync(c => c.Id == council, cancellationToken))
        {
            errors[nameof(input.CouncilId)] = "That council does not exist.";
        }

        if (input.SharedServiceId is { } service && !await db.SharedServices.AnyAsync(s => s.Id == service, cancellationToken))
        {
            errors[nameof(input.SharedServiceId)] = "That service does not exist.";
        }

        if (!errors.ContainsKey(nameof(input.OwnerId)) && input.OwnerId is { } owner && owner != line?.OwnerId
            && !await db.People.AnyAsync(p => p.Id == owner && p.DeactivatedAt == null, cancellationToken))
        {
            errors[nameof(input.OwnerId)] = "Choose someone who is still active.";
        }

        return errors;
    }

    private static IQueryable<SavingsLineRow> Rows(DashboardDbContext db, System.Linq.Expressions.Expression<Func<SavingsLine, bool>> which) =>
        db.SavingsLines.AsNoTracking().Where(which).Select(l => new SavingsLineRow(
            l.Id, l.CouncilId, l.Council == null ? null : l.Council.Code, l.Council == null ? null : l.Council.Name, l.FinancialYear, l.Description,
            l.SharedServiceId, l.SharedService == null ? null : l.SharedService.Name, l.OwnerId, l.Owner == null ? null : l.Owner.Name,
            l.Target, l.Forecast, l.Delivered, l.Commentary, l.Source, l.Version));
}
