using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Dashboard.Features.Risks;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Services;

/// <summary>
/// Everything a service (or project) page shows, read without tracking and shared by every circuit showing the service
/// (see <see cref="ServiceDetailView"/>), so never changed once read.
/// </summary>
public sealed record ServiceDetail(
    SharedService Service,
    IReadOnlyList<StatusUpdate> Cards,
    IReadOnlyList<HighlightReport> HighlightReports,
    IReadOnlyList<BenefitEntry> Benefits,
    IReadOnlyList<PerformanceIndicator> Indicators,
    IReadOnlyList<Council> Councils,
    IReadOnlyList<RiskRow> Risks,
    IReadOnlyList<KeyStandard> KeyStandards)
{
    /// <summary>The latest card for a month before the one in progress: whether a change needs a reason is judged against it.</summary>
    public StatusUpdate? CardBefore(DateOnly month) => Cards.Where(c => c.Period < month).MaxBy(c => c.Period);

    public StatusUpdate? LatestCard => Cards.MaxBy(c => c.Period);

    public HighlightReport? LatestHighlightReport => HighlightReports.MaxBy(r => r.PeriodEnding);
}

/// <summary>One service's page: every circuit showing it shares one read per change (null: no such service).</summary>
public sealed record ServiceDetailView(int ServiceId) : ISharedView<ServiceDetail?>
{
    public Task<ServiceDetail?> ReadAsync(DashboardDbContext db, IServiceProvider services) => ServiceDetailQueries.LoadAsync(db, ServiceId);
}

public static class ServiceDetailQueries
{
    public static async Task<ServiceDetail?> LoadAsync(DashboardDbContext db, int serviceId, CancellationToken cancellationToken = default)
    {
        var service = await db.SharedServices.AsNoTracking()
            .Include(s => s.Owner)
            .Include(s => s.Director)
            .Include(s => s.HostCouncil)
            .FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null)
        {
            return null;
        }

        var cards = await db.StatusUpdates.AsNoTracking().Include(u => u.UpdatedBy)
            .Where(u => u.SharedServiceId == serviceId).OrderByDescending(u => u.Period).ToListAsync(cancellationToken);
        var reports = await db.HighlightReports.AsNoTracking()
            .Include(r => r.PreparedBy).Include(r => r.Activities).Include(r => r.Concerns)
            .Where(r => r.SharedServiceId == serviceId)
            .OrderByDescending(r => r.PeriodEnding)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var benefits = await db.BenefitEntries.AsNoTracking()
            .Where(b => b.SharedServiceId == serviceId).OrderBy(b => b.Kind).ThenBy(b => b.Order).ToListAsync(cancellationToken);
        // The page lists the indicators with their baselines; their figures are on the indicators' own pages.
        var indicators = await db.PerformanceIndicators.AsNoTracking()
            .Include(p => p.Baselines)
            .Where(p => p.SharedServiceId == serviceId)
            .OrderBy(p => p.Ref)
            .ToListAsync(cancellationToken);
        var councils = await db.Councils.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var standards = await KeyStandardsAsync(db, serviceId, cancellationToken);

        var registers = await db.RiskRegisters.AsNoTracking().Where(r => r.SharedServiceId == serviceId).Select(r => r.Id).ToListAsync(cancellationToken);
        var risks = new List<RiskRow>();
        foreach (var register in registers)
        {
            risks.AddRange((await RiskQueries.CurrentRisksAsync(db, register, cancellationToken: cancellationToken)).Where(r => r.Status == RiskStatus.Open));
        }

        return new ServiceDetail(service, cards, reports, benefits, indicators, councils, risks, standards);
    }

    /// <summary>The service's key performance standards in order, each linked row with its indicator's figures.</summary>
    public static Task<List<KeyStandard>> KeyStandardsAsync(DashboardDbContext db, int serviceId, CancellationToken cancellationToken = default) =>
        db.KeyStandards.AsNoTracking()
            .Where(k => k.SharedServiceId == serviceId)
            .Include(k => k.Figures)
            .Include(k => k.PerformanceIndicator).ThenInclude(p => p!.Values)
            .Include(k => k.PerformanceIndicator).ThenInclude(p => p!.Targets)
            .Include(k => k.PerformanceIndicator).ThenInclude(p => p!.Baselines)
            .OrderBy(k => k.Order).ThenBy(k => k.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
}
