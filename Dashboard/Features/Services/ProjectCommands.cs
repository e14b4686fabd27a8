using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Services;
using Dashboard.Domain.Time;
using Dashboard.Features.Risks;
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

        if (GoLive.Check(service, on, clock.Today) is { } problem)
        {
            return CommandResult.Invalid(new Dictionary<string, string> { ["GoLiveDate"] = problem });
        }

        GoLive.MarkLive(service, on!.Value);
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.Services, serviceId, $"{service.Name} went live on {on.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}"));
        return CommandResult.Saved;
    }
}
