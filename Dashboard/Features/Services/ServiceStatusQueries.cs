using Dashboard.Data;
using Dashboard.Domain.Services;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Services;

/// <summary>A row of the board's "Shared service | Status | High Level Commentary" tables.</summary>
public sealed record ServiceStatusRow(
    int ServiceId,
    string Name,
    ServicePhase Phase,
    ServiceArrangement Arrangement,
    int OwnerId,
    string Owner,
    Rag? Rag,
    string? Commentary,
    DateOnly? Period,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy,
    DateOnly? LatestHighlightReport,
    bool IsOverdue,
    bool IsMissingHighlightReport,
    string? Source = null)
{
    /// <summary>Red or Amber, an overdue card, or a missing highlight report: what the board should look at.</summary>
    public bool NeedsAttention => IsOverdue || IsMissingHighlightReport || Rag is { } rag && RagDefinitions.NeedsAttention(rag);

    /// <summary>Which part of the report's tables it sits in (the WETT services received have their own sub-heading).</summary>
    public ReportSection Section => ReportOrder.SectionOf(Phase, Arrangement);
}

/// <summary>The status tables on one reporting date: every open board shares one read per change (see <see cref="SharedReads"/>).</summary>
public sealed record ServiceStatusView(DateOnly Today) : ISharedView<IReadOnlyList<ServiceStatusRow>>
{
    public Task<IReadOnlyList<ServiceStatusRow>> ReadAsync(DashboardDbContext db, IServiceProvider services) =>
        ServiceStatusQueries.LatestStatusesAsync(db, Today);
}

public static class ServiceStatusQueries
{
    /// <summary>The changes that alter the status tables.</summary>
    public static IReadOnlyCollection<ChangeArea> ChangesShown { get; } = [ChangeArea.Services, ChangeArea.StatusCards, ChangeArea.HighlightReports];

    /// <summary>Every service in use (not archived) with its most recent status card, in the report's order (<see cref="ReportOrder"/>).</summary>
    /// <param name="db">A short-lived context.</param>
    /// <param name="today">The reporting date, against which cards are overdue and highlight reports missing.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<IReadOnlyList<ServiceStatusRow>> LatestStatusesAsync(DashboardDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        // The latest card's id per service is one seek down the (service, period) index; asking for the latest
        // card's columns instead makes EF number every card of every service in a window, many times slower.
        var services = await db.SharedServices.AsNoTracking()
            .Where(s => s.ArchivedOn == null)
            .InReportOrder()
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.Phase,
                s.Arrangement,
                s.OwnerId,
                Owner = s.Owner!.Name,
                LatestCardId = s.StatusUpdates.OrderByDescending(u => u.Period).Select(u => (int?)u.Id).FirstOrDefault(),
                LatestReport = db.HighlightReports.Where(r => r.SharedServiceId == s.Id).Max(r => (DateOnly?)r.PeriodEnding),
            })
            .ToListAsync(cancellationToken);
        var cardIds = services.Where(s => s.LatestCardId is not null).Select(s => s.LatestCardId!.Value).ToList();
        var cards = await db.StatusUpdates.AsNoTracking()
            .Where(u => cardIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Rag, u.Commentary, u.Period, u.UpdatedAt, By = u.UpdatedBy!.Name, u.Source })
            .ToDictionaryAsync(u => u.Id, cancellationToken);

        return services
            .Select(s =>
            {
                var latest = s.LatestCardId is { } id ? cards[id] : null;
                return new ServiceStatusRow(
                    s.Id,
                    s.Name,
                    s.Phase,
                    s.Arrangement,
                    s.OwnerId,
                    s.Owner,
                    latest?.Rag,
                    latest?.Commentary,
                    latest?.Period,
                    latest?.UpdatedAt,
                    latest?.By,
                    s.LatestReport,
                    StatusCards.IsOverdue(latest?.Period, today),
                    StatusCards.IsMissingHighlightReport(s.Phase, latest?.Rag, s.LatestReport, today),
                    latest?.Source);
            })
            .ToList();
    }
}
