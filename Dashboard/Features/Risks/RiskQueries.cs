using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Risks;

/// <summary>A risk as the register shows it, with its current assessment.</summary>
public sealed record RiskRow(
    int Id,
    int RegisterId,
    string Register,
    string Ref,
    string Title,
    RiskScore? Score,
    string? Mitigation,
    string Owner,
    RiskStatus Status,
    DateOnly NextReviewDate);

public static class RiskQueries
{
    /// <summary>Risks (optionally of one register), each scored by its latest assessment, in reference order.</summary>
    public static async Task<IReadOnlyList<RiskRow>> CurrentRisksAsync(DashboardDbContext db, int? registerId = null, CancellationToken cancellationToken = default)
    {
        var risks = await db.Risks.AsNoTracking()
            .Where(r => registerId == null || r.RiskRegisterId == registerId)
            .Include(r => r.Assessments)
            .Include(r => r.Owner)
            .Include(r => r.RiskRegister)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return risks
            .Select(r => new RiskRow(
                r.Id,
                r.RiskRegisterId,
                r.RiskRegister!.Name,
                r.Ref,
                r.Title,
                RiskHistory.Current(r.Assessments)?.Score,
                r.Mitigation,
                r.Owner!.Name,
                r.Status,
                r.NextReviewDate))
            .OrderBy(r => r.Register, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Ref, NaturalOrder.Instance)
            .ToList();
    }

    /// <summary>The programme register: the one not belonging to a single service.</summary>
    public static Task<RiskRegister?> ProgrammeRegisterAsync(DashboardDbContext db, CancellationToken cancellationToken = default) =>
        db.RiskRegisters.AsNoTracking().Where(r => r.SharedServiceId == null).OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
}
