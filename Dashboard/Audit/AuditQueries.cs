using Dashboard.Data;
using Dashboard.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Audit;

public sealed record AuditSearch(string? EntityType = null, string? EntityId = null, string? Actor = null, string? Text = null, DateOnly? From = null, DateOnly? To = null);

public static class AuditQueries
{
    /// <summary>Newest first; paging happens in SQL, so the trail can grow without slowing the page.</summary>
    public static async Task<(IReadOnlyList<AuditEntry> Page, int Total)> SearchAsync(DashboardDbContext db, AuditSearch search, int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search.EntityType))
        {
            query = query.Where(a => a.EntityType == search.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(search.EntityId))
        {
            query = query.Where(a => a.EntityId == search.EntityId);
        }

        if (!string.IsNullOrWhiteSpace(search.Actor))
        {
            query = query.Where(a => a.Actor.Contains(search.Actor));
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            query = query.Where(a => a.Changes.Contains(search.Text));
        }

        if (search.From is { } from)
        {
            var start = StartOfLondonDay(from);
            query = query.Where(a => a.At >= start);
        }

        if (search.To is { } to)
        {
            var end = StartOfLondonDay(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (page, total);
    }

    // Dates in the search are the councils' days, midnight to midnight in London.
    private static DateTimeOffset StartOfLondonDay(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Dashboard.Domain.Time.ReportingClock.London), TimeSpan.Zero);

    /// <summary>The latest change to one record: who made it and when (to name whoever saved it since a form was opened).</summary>
    public static Task<AuditEntry?> LastChangeAsync(DashboardDbContext db, string entityType, string entityId, CancellationToken cancellationToken = default) =>
        db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == entityId).OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);

    public static Task<List<string>> EntityTypesAsync(DashboardDbContext db, CancellationToken cancellationToken = default) =>
        db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
}
