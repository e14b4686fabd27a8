using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Risks;

/// <summary>An entry of the issues log as the log shows it.</summary>
public sealed record IssueRow(
    int Id,
    int RegisterId,
    string Register,
    string Ref,
    string Description,
    string Owner,
    IssuePriority Priority,
    DateOnly RaisedOn,
    IssueStatus Status,
    string? Action,
    string? Resolution,
    int? RaisedFromRiskId,
    string? RaisedFromRiskRef,
    string? Source = null);

public static class IssueQueries
{
    /// <summary>The issues (of one register, or of every register in use) in register then reference order.</summary>
    public static async Task<IReadOnlyList<IssueRow>> IssuesAsync(DashboardDbContext db, int? registerId = null, int? raisedFromRiskId = null, CancellationToken cancellationToken = default)
    {
        var issues = await db.RiskIssues.AsNoTracking()
            .Where(i => registerId == null ? raisedFromRiskId != null || i.RiskRegister!.ArchivedOn == null : i.RiskRegisterId == registerId)
            .Where(i => raisedFromRiskId == null || i.RaisedFromRiskId == raisedFromRiskId)
            .Select(i => new IssueRow(i.Id, i.RiskRegisterId, i.RiskRegister!.Name, i.Ref, i.Description, i.Owner!.Name, i.Priority, i.RaisedOn, i.Status, i.Action, i.Resolution,
                i.RaisedFromRiskId, i.RaisedFromRisk == null ? null : i.RaisedFromRisk.Ref, i.Source))
            .ToListAsync(cancellationToken);
        return issues.OrderBy(i => i.Register, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.Ref, NaturalOrder.Instance).ToList();
    }
}
