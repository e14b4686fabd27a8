using System.Globalization;
using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Time;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin.RiskRegisters;

/// <summary>
/// Administrators set up risk registers: the programme's, a service's or a council's corporate register, with owner
/// and appetite; rename; archive and restore. Each checks on the server that the user is an administrator,
/// validates, saves in one audited transaction, then tells open screens.
/// </summary>
public sealed class RegisterSetupCommands(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ReportingClock clock, IChangeNotifier changes)
{
    public const string OnlyAdministrators = "Only an administrator can set up risk registers.";

    public const string NotFound = "That risk register does not exist.";

    public const string ChangedMeanwhile = "Someone else changed this register while you were editing. Nothing has been saved and your changes are still in the form: reload the page to see theirs, then make yours again.";

    /// <returns>The outcome and, once saved, the new register's id.</returns>
    public async Task<(CommandResult Result, int? Id)> CreateAsync(RegisterInput input, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return (CommandResult.Refused(OnlyAdministrators), null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (input.Validate(await ChoicesAsync(db, null, cancellationToken), isNew: true) is { Count: > 0 } errors)
        {
            return (CommandResult.Invalid(errors), null);
        }

        var register = new RiskRegister { Name = "" };
        input.ApplyTo(register, isNew: true);
        db.RiskRegisters.Add(register);
        if (await SaveAsync(db, register, cancellationToken) is { } refused)
        {
            return (refused, null);
        }

        changes.Publish(new DashboardChange(ChangeArea.RiskRegisters, register.Id, $"Risk register {register.Name} set up") { Scope = ChangeScope.Register(register.Id) });
        return (CommandResult.Saved, register.Id);
    }

    /// <summary>Renames the register, or changes its owner or appetite, from the copy the administrator started with.</summary>
    public async Task<CommandResult> UpdateAsync(int registerId, Guid version, RegisterInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var register = await db.RiskRegisters.FirstOrDefaultAsync(r => r.Id == registerId, cancellationToken);
        if (register is null)
        {
            return CommandResult.Refused(NotFound);
        }

        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(OnlyAdministrators);
        }

        if (input.Validate(await ChoicesAsync(db, registerId, cancellationToken), isNew: false) is { Count: > 0 } errors)
        {
            return CommandResult.Invalid(errors);
        }

        var before = register.Name;
        db.Entry(register).Property(r => r.Version).OriginalValue = version;
        input.ApplyTo(register, isNew: false);
        if (await SaveAsync(db, register, cancellationToken) is { } refused)
        {
            return refused;
        }

        var summary = before == register.Name ? $"Risk register {register.Name} changed" : $"Risk register {before} renamed {register.Name}";
        changes.Publish(new DashboardChange(ChangeArea.RiskRegisters, register.Id, summary) { Scope = ChangeScope.Register(register.Id) });
        return CommandResult.Saved;
    }

    /// <summary>Takes the register out of the picker and the board's widgets; its risks and issues stay readable.</summary>
    public async Task<CommandResult> ArchiveAsync(int registerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var register = await db.RiskRegisters.FirstOrDefaultAsync(r => r.Id == registerId, cancellationToken);
        if (register is null)
        {
            return CommandResult.Refused(NotFound);
        }

        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(OnlyAdministrators);
        }

        if (register.IsArchived)
        {
            return CommandResult.Refused($"{register.Name} is already archived.");
        }

        register.ArchivedOn = clock.Today;
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.RiskRegisters, register.Id, $"Risk register {register.Name} archived on {clock.Today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}") { Scope = ChangeScope.Register(register.Id) });
        return CommandResult.Saved;
    }

    /// <summary>Puts an archived register back in use, unless its programme, service or council has another in use meanwhile.</summary>
    public async Task<CommandResult> RestoreAsync(int registerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var register = await db.RiskRegisters.FirstOrDefaultAsync(r => r.Id == registerId, cancellationToken);
        if (register is null)
        {
            return CommandResult.Refused(NotFound);
        }

        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(OnlyAdministrators);
        }

        if (!register.IsArchived)
        {
            return CommandResult.Refused($"{register.Name} is not archived.");
        }

        var choices = await ChoicesAsync(db, registerId, cancellationToken);
        if (RegisterInput.Clash(register.Kind, register.SharedServiceId, register.CouncilId, choices.Others) is { } clash)
        {
            return CommandResult.Refused($"{register.Name} cannot be restored. {RegisterInput.Describe(register.Kind, clash, choices)}");
        }

        register.ArchivedOn = null;
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.RiskRegisters, register.Id, $"Risk register {register.Name} restored") { Scope = ChangeScope.Register(register.Id) });
        return CommandResult.Saved;
    }

    private static async Task<RegisterChoices> ChoicesAsync(DashboardDbContext db, int? editing, CancellationToken cancellationToken) => new(
        await db.RiskRegisters.Where(r => r.Id != editing)
            .Select(r => new ExistingRegister(r.Id, r.Name, r.Kind, r.SharedServiceId, r.CouncilId, r.ArchivedOn != null))
            .ToListAsync(cancellationToken),
        await OwnerChoices.ActivePeopleAsync(db, cancellationToken),
        await db.SharedServices.Where(s => s.ArchivedOn == null).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken),
        await db.Councils.ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken));

    /// <returns>Null once saved; otherwise why not (another save got in first).</returns>
    private async Task<CommandResult?> SaveAsync(DashboardDbContext db, RiskRegister register, CancellationToken cancellationToken)
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
            if (!await fresh.RiskRegisters.AnyAsync(r => r.Name == register.Name && r.Id != register.Id, cancellationToken))
            {
                throw;
            }

            return CommandResult.Invalid(new Dictionary<string, string> { [nameof(RegisterInput.Name)] = $"There is already a register called {register.Name}: choose another name." });
        }
    }
}
