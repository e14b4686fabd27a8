using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Risks;

/// <summary>A risk as the register shows it: its latest assessment and how it moved since the comparison point.</summary>
public sealed record RiskRow(
    int Id,
    int RegisterId,
    string Register,
    int RegisterAppetite,
    string Ref,
    string Title,
    RiskScore? Score,
    RiskMovement Movement,
    RiskScore? Target,
    string? Mitigation,
    int OwnerId,
    string Owner,
    string? CouncilCode,
    RiskStatus Status,
    DateOnly NextReviewDate,
    string? Source = null,
    string? EarlierSource = null)
{
    public bool IsAboveAppetite => Score is { } score && Status == RiskStatus.Open && RiskReview.IsAboveAppetite(score, RegisterAppetite);

    public bool IsPastDue(DateOnly today) => RiskReview.IsPastDue(NextReviewDate, today, Status);

    /// <summary>"Both" for a risk shared by the councils, otherwise the council's code.</summary>
    public string Councils => CouncilCode ?? "Both";
}

/// <summary>The programme register in use (null: none set up) and its open risks on the matrix.</summary>
public sealed record ProgrammeRisks(int? RegisterId, IReadOnlyList<MatrixEntry> Entries);

/// <summary>The board's programme risks: every open board shares one read per change (see <see cref="SharedReads"/>).</summary>
public sealed record ProgrammeRisksView : ISharedView<ProgrammeRisks>
{
    public async Task<ProgrammeRisks> ReadAsync(DashboardDbContext db, IServiceProvider services) =>
        await RiskQueries.ProgrammeRegisterAsync(db) is { } programme
            ? new ProgrammeRisks(programme.Id, await RiskQueries.OpenRisksOnMatrixAsync(db, programme.Id))
            : new ProgrammeRisks(null, []);
}

public static class RiskQueries
{
    /// <summary>
    /// Risks (of one register, or of every register in use) in reference order, each with its latest assessment and its movement
    /// since <paramref name="comparisonPoint"/> (default: the start of time, so every risk is "new").
    /// </summary>
    public static async Task<IReadOnlyList<RiskRow>> CurrentRisksAsync(DashboardDbContext db, int? registerId = null, DateTimeOffset? comparisonPoint = null, CancellationToken cancellationToken = default)
    {
        var risks = await db.Risks.AsNoTracking()
            .Where(r => registerId == null ? r.RiskRegister!.ArchivedOn == null : r.RiskRegisterId == registerId)
            .Include(r => r.Assessments)
            .Include(r => r.Owner)
            .Include(r => r.Council)
            .Include(r => r.RiskRegister)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return risks
            .Select(r => new RiskRow(
                r.Id,
                r.RiskRegisterId,
                r.RiskRegister!.Name,
                r.RiskRegister.RiskAppetite,
                r.Ref,
                r.Title,
                RiskHistory.Current(r.Assessments)?.Score,
                RiskMovement.Between(r.Assessments, comparisonPoint ?? DateTimeOffset.MinValue),
                r.TargetScore,
                r.Mitigation,
                r.OwnerId,
                r.Owner!.Name,
                r.Council?.Code,
                r.Status,
                r.NextReviewDate,
                r.Source,
                RiskHistory.InForceAt(r.Assessments, comparisonPoint ?? DateTimeOffset.MinValue)?.Source))
            .OrderBy(r => r.Register, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Ref, NaturalOrder.Instance)
            .ToList();
    }

    /// <summary>
    /// The open risks of a register that have been assessed, at their current score, in reference order: what the
    /// board's matrix and band counts show. Reads each risk's latest assessment only (the one
    /// <see cref="RiskHistory.Current"/> picks: latest made, the later entered on a tie), not every risk's history.
    /// </summary>
    public static async Task<IReadOnlyList<MatrixEntry>> OpenRisksOnMatrixAsync(DashboardDbContext db, int registerId, CancellationToken cancellationToken = default)
    {
        var risks = await db.Risks.AsNoTracking()
            .Where(r => r.RiskRegisterId == registerId && r.Status == RiskStatus.Open)
            .Select(r => new
            {
                r.Ref,
                LatestId = r.Assessments.OrderByDescending(a => a.AssessedAt).ThenByDescending(a => a.Id).Select(a => (int?)a.Id).FirstOrDefault(),
            })
            .Where(r => r.LatestId != null)
            .ToListAsync(cancellationToken);
        var ids = risks.Select(r => r.LatestId!.Value).ToList();
        var scores = await db.RiskAssessments.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Score, cancellationToken);
        return risks
            .Select(r => new MatrixEntry(r.Ref, scores[r.LatestId!.Value]))
            .OrderBy(e => e.Ref, NaturalOrder.Instance)
            .ToList();
    }

    /// <summary>The programme's register in use (not archived), if one has been set up.</summary>
    public static Task<RiskRegister?> ProgrammeRegisterAsync(DashboardDbContext db, CancellationToken cancellationToken = default) =>
        db.RiskRegisters.AsNoTracking().Where(r => r.Kind == RiskRegisterKind.Programme && r.ArchivedOn == null).OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The registers in use, as the register picker lists them: the programme's, the services' (in the report's order), then the councils'.</summary>
    public static async Task<List<RiskRegister>> RegistersAsync(DashboardDbContext db, CancellationToken cancellationToken = default)
    {
        var registers = await db.RiskRegisters.AsNoTracking().Include(r => r.Owner).Include(r => r.SharedService).Include(r => r.Council)
            .Where(r => r.ArchivedOn == null)
            .ToListAsync(cancellationToken);
        var serviceOrder = registers.Where(r => r.SharedService is not null).Select(r => r.SharedService!)
            .Select(s => new ServicePlace(s.Id, s.Phase, s.Arrangement, s.Order)).InReportOrder()
            .Select((s, i) => (s.Id, i)).ToDictionary(s => s.Id, s => s.i);
        return [.. registers
            .OrderBy(r => r.Kind)
            .ThenBy(r => r.SharedServiceId is { } id ? serviceOrder[id] : 0)
            .ThenBy(r => r.Council?.Code ?? "", StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];
    }
}
