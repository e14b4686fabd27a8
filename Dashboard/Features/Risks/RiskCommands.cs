using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Time;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Risks;

/// <summary>
/// Changes to risks. Each checks on the server that the user may change the register (its owner or an
/// administrator), validates, saves in one transaction, then tells open dashboards.
/// </summary>
public sealed class RiskCommands(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ScoreBandSet bands, ReportingClock clock, IChangeNotifier changes)
{
    private const string NotYours = "Only the register's owner or an administrator can change its risks.";
    private const string Stale = "Someone else changed this risk while you were editing. Your changes have not been saved and are still in the form; what they saved is shown with them.";

    public async Task<CommandResult> ReassessAsync(int riskId, ReassessmentInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var risk = await db.Risks.Include(r => r.RiskRegister).FirstOrDefaultAsync(r => r.Id == riskId, cancellationToken);
        if (risk is null)
        {
            return CommandResult.Refused("That risk does not exist.");
        }

        if (!await MayReassessAsync(user, risk) || await user.PersonIdAsync() is not { } personId)
        {
            return CommandResult.Refused("Only the risk's owner, the register's owner or an administrator can re-assess it.");
        }

        if (input.Validate() is { Count: > 0 } errors)
        {
            return CommandResult.Invalid(errors);
        }

        var score = RiskScore.Of(input.Likelihood!.Value, input.Impact!.Value);
        db.RiskAssessments.Add(new RiskAssessment
        {
            RiskId = risk.Id,
            Likelihood = score.Likelihood,
            Impact = score.Impact,
            AssessedAt = clock.RecordedAt,
            AssessedById = personId,
            Reason = input.Reason!.Trim(),
        });
        risk.NextReviewDate = RiskReview.NextReviewAfter(clock.Today, score, bands);
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.Risks, risk.Id, $"Risk {risk.Ref} re-assessed at {score.Value}") { Scope = ChangeScope.Register(risk.RiskRegisterId) });
        return CommandResult.Saved;
    }

    /// <summary>
    /// The risk's own owner is reminded when its review is due, so they may re-assess it, as may the register's owner
    /// and administrators; editing and closing stay with the register's owner.
    /// </summary>
    public static async Task<bool> MayReassessAsync(CurrentUser user, Risk risk) =>
        await user.CanEditAsync(risk.RiskRegister!.OwnerId) || await user.CanEditAsync(risk.OwnerId);

    /// <summary>Edits what a risk says; its score changes only by re-assessment. The council is as given (null: both); the owner is kept when not given.</summary>
    public async Task<CommandResult> UpdateAsync(int riskId, Guid version, RiskInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var risk = await db.Risks.Include(r => r.RiskRegister).FirstOrDefaultAsync(r => r.Id == riskId, cancellationToken);
        if (risk is null)
        {
            return CommandResult.Refused("That risk does not exist.");
        }

        if (!await user.CanEditAsync(risk.RiskRegister!.OwnerId))
        {
            return CommandResult.Refused(NotYours);
        }

        var errors = new Dictionary<string, string>(input.Validate(isNew: false));
        await CheckOwnerAndCouncilAsync(db, input, errors, cancellationToken, keeping: risk.OwnerId);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        db.Entry(risk).Property(r => r.Version).OriginalValue = version;
        risk.Title = input.Title!.Trim();
        risk.OwnerId = input.OwnerId ?? risk.OwnerId;
        risk.CouncilId = input.CouncilId;
        risk.Mitigation = string.IsNullOrWhiteSpace(input.Mitigation) ? null : input.Mitigation.Trim();
        risk.TargetLikelihood = input.TargetLikelihood is { } tl ? RiskScale.ToLikelihood(tl) : null;
        risk.TargetImpact = input.TargetImpact is { } ti ? RiskScale.ToImpact(ti) : null;
        risk.Source = null;
        return await SaveAsync(db, risk, $"Risk {risk.Ref} edited", cancellationToken);
    }

    public async Task<CommandResult> SetOpenAsync(int riskId, Guid version, bool open, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var risk = await db.Risks.Include(r => r.RiskRegister).FirstOrDefaultAsync(r => r.Id == riskId, cancellationToken);
        if (risk is null)
        {
            return CommandResult.Refused("That risk does not exist.");
        }

        if (!await user.CanEditAsync(risk.RiskRegister!.OwnerId))
        {
            return CommandResult.Refused(NotYours);
        }

        db.Entry(risk).Property(r => r.Version).OriginalValue = version;
        risk.Status = open ? RiskStatus.Open : RiskStatus.Closed;
        risk.ClosedOn = open ? null : clock.Today;
        return await SaveAsync(db, risk, open ? $"Risk {risk.Ref} reopened" : $"Risk {risk.Ref} closed", cancellationToken);
    }

    /// <summary>
    /// Adds a risk with its first assessment. Without a reference it takes the register's next one; without
    /// an owner, the register's owner; without a next review date, one band cadence from today.
    /// </summary>
    public async Task<(CommandResult Result, int? RiskId)> AddAsync(int registerId, RiskInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var register = await db.RiskRegisters.FirstOrDefaultAsync(r => r.Id == registerId, cancellationToken);
        if (register is null)
        {
            return (CommandResult.Refused("That register does not exist."), null);
        }

        if (!await user.CanEditAsync(register.OwnerId) || await user.PersonIdAsync() is not { } personId)
        {
            return (CommandResult.Refused(NotYours), null);
        }

        if (register.IsArchived)
        {
            return (CommandResult.Refused($"The {register.Name} register is archived: an administrator must restore it before risks can be added."), null);
        }

        var errors = new Dictionary<string, string>(input.Validate(isNew: true, clock.Today));
        var existingRefs = await db.Risks.Where(r => r.RiskRegisterId == registerId).Select(r => r.Ref).ToListAsync(cancellationToken);
        var reference = string.IsNullOrWhiteSpace(input.Ref) ? RiskReference.Next(existingRefs, "1") : input.Ref.Trim();
        if (!errors.ContainsKey(nameof(RiskInput.Ref)) && existingRefs.Contains(reference, StringComparer.OrdinalIgnoreCase))
        {
            errors[nameof(RiskInput.Ref)] = $"This register already has a risk {reference}.";
        }

        await CheckOwnerAndCouncilAsync(db, input, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return (CommandResult.Invalid(errors), null);
        }

        var score = RiskScore.Of(input.Likelihood!.Value, input.Impact!.Value);
        var risk = new Risk
        {
            RiskRegisterId = registerId,
            Ref = reference,
            Title = input.Title!.Trim(),
            Mitigation = string.IsNullOrWhiteSpace(input.Mitigation) ? null : input.Mitigation.Trim(),
            OwnerId = input.OwnerId ?? register.OwnerId,
            CouncilId = input.CouncilId,
            RaisedOn = clock.Today,
            NextReviewDate = input.NextReview ?? RiskReview.NextReviewAfter(clock.Today, score, bands),
            TargetLikelihood = input.TargetLikelihood is { } tl ? RiskScale.ToLikelihood(tl) : null,
            TargetImpact = input.TargetImpact is { } ti ? RiskScale.ToImpact(ti) : null,
        };
        risk.Assessments.Add(new RiskAssessment { Likelihood = score.Likelihood, Impact = score.Impact, AssessedAt = clock.RecordedAt, AssessedById = personId, Reason = input.Reason!.Trim() });
        db.Risks.Add(risk);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            if (!await db.Risks.AnyAsync(r => r.RiskRegisterId == registerId && r.Ref == reference, CancellationToken.None))
            {
                throw;
            }

            // Two people adding at the same moment can be given the same next reference; the unique index keeps one.
            return (CommandResult.Refused($"Someone else has just added risk {reference} to this register. Save again to take the next reference."), null);
        }

        changes.Publish(new DashboardChange(ChangeArea.Risks, risk.Id, $"Risk {risk.Ref} added to {register.Name}") { Scope = ChangeScope.Register(registerId) });
        return (CommandResult.Saved, risk.Id);
    }

    /// <summary>
    /// The owner must be an active person the dashboard knows (or the one it already has, <paramref name="keeping"/>,
    /// even if since deactivated), and the council one that takes part.
    /// </summary>
    private static async Task CheckOwnerAndCouncilAsync(DashboardDbContext db, RiskInput input, Dictionary<string, string> errors, CancellationToken cancellationToken, int? keeping = null)
    {
        if (input.OwnerId is { } ownerId && !await db.People.AnyAsync(p => p.Id == ownerId && (p.DeactivatedAt == null || p.Id == keeping), cancellationToken))
        {
            errors[nameof(RiskInput.OwnerId)] = "Choose the risk's owner from the list.";
        }

        if (input.CouncilId is { } councilId && !await db.Councils.AnyAsync(c => c.Id == councilId, cancellationToken))
        {
            errors[nameof(RiskInput.CouncilId)] = "Choose BDC, RBC or both councils.";
        }
    }

    private async Task<CommandResult> SaveAsync(DashboardDbContext db, Risk risk, string summary, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Refused(Stale);
        }

        changes.Publish(new DashboardChange(ChangeArea.Risks, risk.Id, summary) { Scope = ChangeScope.Register(risk.RiskRegisterId) });
        return CommandResult.Saved;
    }
}
