using Dashboard.Data;
using Dashboard.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Services;

/// <summary>A row of the board's "Shared service | Status | High Level Commentary" tables.</summary>
public sealed record ServiceStatusRow(
    int ServiceId,
    string Name,
    ServicePhase Phase,
    string Owner,
    Rag? Rag,
    string? Commentary,
    DateOnly? Period,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy);

public static class ServiceStatusQueries
{
    /// <summary>Every service with its most recent status card, in the report's order (by id, i.e. as set up).</summary>
    public static async Task<IReadOnlyList<ServiceStatusRow>> LatestStatusesAsync(DashboardDbContext db, CancellationToken cancellationToken = default)
    {
        var services = await db.SharedServices.AsNoTracking()
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.Phase,
                Owner = s.Owner!.Name,
                Latest = s.StatusUpdates
                    .OrderByDescending(u => u.Period)
                    .Select(u => new { u.Rag, u.Commentary, u.Period, u.UpdatedAt, By = u.UpdatedBy!.Name })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        return services
            .Select(s => new ServiceStatusRow(s.Id, s.Name, s.Phase, s.Owner, s.Latest?.Rag, s.Latest?.Commentary, s.Latest?.Period, s.Latest?.UpdatedAt, s.Latest?.By))
            .ToList();
    }
}
