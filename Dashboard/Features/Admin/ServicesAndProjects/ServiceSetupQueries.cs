using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin.ServicesAndProjects;

/// <summary>A service as the set-up list shows it.</summary>
public sealed record ServiceSetupRow(
    int Id,
    string Name,
    ServicePhase Phase,
    ServiceArrangement Arrangement,
    string? HostCouncil,
    string? Provider,
    string Owner,
    string? Director,
    DateOnly? ArchivedOn)
{
    public ReportSection Section => ReportOrder.SectionOf(Phase, Arrangement);

    /// <summary>"Managed by Alex Morgan · hosted by Redditch Borough Council".</summary>
    public string Summary => string.Join(" · ", new[]
    {
        $"Managed by {Owner}",
        Director is null ? null : $"director {Director}",
        HostCouncil is null ? null : $"hosted by {HostCouncil}",
        Provider is null ? null : $"received from {Provider}",
        Arrangement == ServiceArrangement.WiderPartnership ? "wider partnership" : null,
    }.OfType<string>());
}

/// <summary>What has been recorded against a service: what its archive keeps readable.</summary>
public sealed record ServiceHistory(int StatusCards, int HighlightReports, int Risks, int Indicators);

public static class ServiceSetupQueries
{
    /// <summary>Every service and project, in use ones in the report's order, then the archived ones (latest first).</summary>
    public static async Task<IReadOnlyList<ServiceSetupRow>> AllAsync(DashboardDbContext db, CancellationToken cancellationToken = default)
    {
        var rows = await db.SharedServices.AsNoTracking()
            .InReportOrder()
            .Select(s => new ServiceSetupRow(s.Id, s.Name, s.Phase, s.Arrangement, s.HostCouncil!.Name, s.ProviderName, s.Owner!.Name, s.Director!.Name, s.ArchivedOn))
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.ArchivedOn is null), .. rows.Where(r => r.ArchivedOn is not null).OrderByDescending(r => r.ArchivedOn)];
    }

    public static Task<SharedService?> ServiceAsync(DashboardDbContext db, int id, CancellationToken cancellationToken = default) =>
        db.SharedServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public static async Task<ServiceHistory> HistoryAsync(DashboardDbContext db, int id, CancellationToken cancellationToken = default) => new(
        await db.StatusUpdates.CountAsync(u => u.SharedServiceId == id, cancellationToken),
        await db.HighlightReports.CountAsync(r => r.SharedServiceId == id, cancellationToken),
        await db.Risks.CountAsync(r => r.RiskRegister!.SharedServiceId == id, cancellationToken),
        await db.PerformanceIndicators.CountAsync(p => p.SharedServiceId == id, cancellationToken));

    public static async Task<IReadOnlyList<Council>> CouncilsAsync(DashboardDbContext db, CancellationToken cancellationToken = default) =>
        await db.Councils.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
}
