using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Services;
using Dashboard.Domain.Time;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Services;

/// <summary>
/// Changes to projects: highlight reports (by the project's manager or an administrator) and go-live
/// (administrators only). Each checks on the server, validates, saves in one transaction, then tells dashboards.
/// </summary>
public sealed class ProjectCommands(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ReportingClock clock, IChangeNotifier changes)
{
    public const string OnlyAdministrators = "Only an administrator can mark a project live.";

    public const string NotYours = "Only the project's manager or an administrator can write its highlight reports.";

    public const string SavedMeanwhile = "Someone else saved this highlight report while you were editing; theirs is shown below. Your report has not been saved and is still in the form: change what you need and save again to replace theirs.";

    /// <summary>Creates (no <paramref name="reportId"/>) or corrects a highlight report; a stale copy is refused.</summary>
    /// <returns>The outcome, the report's id once saved, and on a clash the report someone else saved meanwhile.</returns>
    public async Task<(CommandResult Result, int? ReportId, HighlightReport? Newer)> SaveHighlightReportAsync(int serviceId, int? reportId, Guid? version, HighlightReportInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = await db.SharedServices.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null)
        {
            return (CommandResult.Refused("That project does not exist."), null, null);
        }

        if (!await user.CanEditAsync(service.OwnerId) || await user.PersonIdAsync() is not { } personId)
        {
            return (CommandResult.Refused(NotYours), null, null);
        }

        if (service.IsArchived)
        {
            return (CommandResult.Refused($"{service.Name} is archived: an administrator must restore it before highlight reports can be written."), null, null);
        }

        HighlightReport? report = null;
        if (reportId is { } id)
        {
            report = await db.HighlightReports.Include(r => r.Activities).Include(r => r.Concerns)
                .FirstOrDefaultAsync(r => r.Id == id && r.SharedServiceId == serviceId, cancellationToken);
            if (report is null)
            {
                return (CommandResult.Refused("That highlight report does not exist."), null, null);
            }
        }

        // A report for this period saved since the form opened: a clash to show, not a date to correct.
        if (report is null && input.PeriodEnding is { } wanted && await SavedReportAsync(serviceId, r => r.PeriodEnding == wanted, cancellationToken) is { } existing)
        {
            return (CommandResult.Refused(SavedMeanwhile), null, existing);
        }

        var previous = await db.HighlightReports
            .Where(r => r.SharedServiceId == serviceId && r.Id != (reportId ?? 0) && (report == null || r.PeriodEnding < report.PeriodEnding))
            .MaxAsync(r => (DateOnly?)r.PeriodEnding, cancellationToken);
        if (input.Validate(previous, clock.Today) is { Count: > 0 } errors)
        {
            return (CommandResult.Invalid(errors), null, null);
        }

        if (report is null)
        {
            report = new HighlightReport { SharedServiceId = serviceId, SummaryPosition = "" };
            db.HighlightReports.Add(report);
        }
        else
        {
            db.Entry(report).Property(r => r.Version).OriginalValue = version ?? Guid.Empty;
            db.HighlightActivities.RemoveRange(report.Activities);
            db.HighlightConcerns.RemoveRange(report.Concerns);
        }

        input.ApplyTo(report);
        report.PreparedById = personId;
        report.UpdatedAt = clock.RecordedAt;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A stale version or a second report for the same period: either way someone saved first, and
            // showing theirs lets this editor decide what to re-apply. Anything else is a real failure.
            var periodEnding = report.PeriodEnding;
            var newer = await SavedReportAsync(serviceId, r => reportId == null ? r.PeriodEnding == periodEnding : r.Id == reportId, cancellationToken);
            if (newer is null || (reportId is not null && newer.Version == version))
            {
                throw;
            }

            return (CommandResult.Refused(SavedMeanwhile), null, newer);
        }

        changes.Publish(new DashboardChange(ChangeArea.HighlightReports, serviceId, $"{service.Name} highlight report for the period ending {report.PeriodEnding.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} saved") { Scope = ChangeScope.Service(serviceId) });
        return (CommandResult.Saved, report.Id, null);
    }

    private async Task<HighlightReport?> SavedReportAsync(int serviceId, System.Linq.Expressions.Expression<Func<HighlightReport, bool>> which, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.HighlightReports.AsNoTracking().Where(r => r.SharedServiceId == serviceId).Where(which)
            .Include(r => r.PreparedBy).Include(r => r.Activities).Include(r => r.Concerns).AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<CommandResult> GoLiveAsync(int serviceId, DateOnly? on, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(OnlyAdministrators);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = await db.SharedServices.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null)
        {
            return CommandResult.Refused("That project does not exist.");
        }

        if (service.IsArchived)
        {
            return CommandResult.Refused($"{service.Name} is archived: restore it before marking it live.");
        }

        if (GoLive.Check(service, on, clock.Today) is { } problem)
        {
            return CommandResult.Invalid(new Dictionary<string, string> { ["GoLiveDate"] = problem });
        }

        GoLive.MarkLive(service, on!.Value);

        // It joins the live table at its end, where the administrator can move it.
        service.Order = ReportOrder.NextOrder(await db.SharedServices.Select(s => s.Order).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.Services, serviceId, $"{service.Name} went live on {on.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}") { Scope = ChangeScope.Service(serviceId) });
        return CommandResult.Saved;
    }
}
