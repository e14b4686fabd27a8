using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Time;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Risks;

/// <summary>
/// Changes to a register's issues log. Like risks, only the register's owner or an administrator may
/// change it: checked here on the server, validated, saved (with its audit entries), then announced.
/// </summary>
public sealed class IssueCommands(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ReportingClock clock, IChangeNotifier changes)
{
    private const string NotYours = "Only the register's owner or an administrator can change its issues log.";
    private const string Stale = "Someone else changed this issue while you were editing. Your changes were not saved; the page now shows the latest version.";

    /// <summary>Adds an issue with the register's next issue reference; <paramref name="raisedFromRiskId"/> links it to the risk that happened.</summary>
    public async Task<(CommandResult Result, int? IssueId)> AddAsync(int registerId, IssueInput input, int? raisedFromRiskId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var register = await db.RiskRegisters.FirstOrDefaultAsync(r => r.Id == registerId, cancellationToken);
        if (register is null)
        {
            return (CommandResult.Refused("That register does not exist."), null);
        }

        if (!await user.CanEditAsync(register.OwnerId))
        {
            return (CommandResult.Refused(NotYours), null);
        }

        if (raisedFromRiskId is { } riskId && !await db.Risks.AnyAsync(r => r.Id == riskId && r.RiskRegisterId == registerId, cancellationToken))
        {
            return (CommandResult.Refused("An issue can only be raised from a risk on the same register."), null);
        }

        var errors = new Dictionary<string, string>(input.Validate(clock.Today));
        await CheckOwnerAsync(db, input, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return (CommandResult.Invalid(errors), null);
        }

        var existingRefs = await db.RiskIssues.Where(i => i.RiskRegisterId == registerId).Select(i => i.Ref).ToListAsync(cancellationToken);
        var issue = new RiskIssue
        {
            RiskRegisterId = registerId,
            Ref = RiskReference.Next(existingRefs, "I-1"),
            Description = input.Description!.Trim(),
            RaisedFromRiskId = raisedFromRiskId,
        };
        Copy(input, issue);
        db.RiskIssues.Add(issue);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            if (!await db.RiskIssues.AnyAsync(i => i.RiskRegisterId == registerId && i.Ref == issue.Ref, CancellationToken.None))
            {
                throw;
            }

            return (CommandResult.Refused($"Someone else has just added issue {issue.Ref} to this log. Save again to take the next reference."), null);
        }

        changes.Publish(new DashboardChange(ChangeArea.Issues, issue.Id, $"Issue {issue.Ref} raised on {register.Name}") { Scope = ChangeScope.Register(issue.RiskRegisterId) });
        return (CommandResult.Saved, issue.Id);
    }

    /// <summary>Edits an issue; closing it is setting its status to Resolved, which needs a resolution.</summary>
    public async Task<CommandResult> UpdateAsync(int issueId, Guid version, IssueInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var issue = await db.RiskIssues.Include(i => i.RiskRegister).FirstOrDefaultAsync(i => i.Id == issueId, cancellationToken);
        if (issue is null)
        {
            return CommandResult.Refused("That issue does not exist.");
        }

        if (!await user.CanEditAsync(issue.RiskRegister!.OwnerId))
        {
            return CommandResult.Refused(NotYours);
        }

        var errors = new Dictionary<string, string>(input.Validate(clock.Today));
        await CheckOwnerAsync(db, input, errors, cancellationToken, keeping: issue.OwnerId);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        db.Entry(issue).Property(i => i.Version).OriginalValue = version;
        var wasResolved = issue.Status == IssueStatus.Resolved;
        issue.Description = input.Description!.Trim();
        issue.Source = null;
        Copy(input, issue);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Refused(Stale);
        }

        var summary = (wasResolved, issue.Status == IssueStatus.Resolved) switch
        {
            (false, true) => $"Issue {issue.Ref} resolved",
            (true, false) => $"Issue {issue.Ref} reopened",
            _ => $"Issue {issue.Ref} updated",
        };
        changes.Publish(new DashboardChange(ChangeArea.Issues, issue.Id, summary) { Scope = ChangeScope.Register(issue.RiskRegisterId) });
        return CommandResult.Saved;
    }

    private static void Copy(IssueInput input, RiskIssue issue)
    {
        issue.OwnerId = input.OwnerId!.Value;
        issue.Priority = input.Priority!.Value;
        issue.RaisedOn = input.RaisedOn!.Value;
        issue.Status = input.Status!.Value;
        issue.Action = string.IsNullOrWhiteSpace(input.Action) ? null : input.Action.Trim();
        issue.Resolution = string.IsNullOrWhiteSpace(input.Resolution) ? null : input.Resolution.Trim();
    }

    // An active person, or the owner the issue already has (<paramref name="keeping"/>) even if since deactivated.
    private static async Task CheckOwnerAsync(DashboardDbContext db, IssueInput input, Dictionary<string, string> errors, CancellationToken cancellationToken, int? keeping = null)
    {
        if (input.OwnerId is { } ownerId && !await db.People.AnyAsync(p => p.Id == ownerId && (p.DeactivatedAt == null || p.Id == keeping), cancellationToken))
        {
            errors[nameof(IssueInput.OwnerId)] = "Choose who owns the issue from the list.";
        }
    }
}
