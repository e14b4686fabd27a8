using Dashboard.Data;
using Dashboard.Live;

namespace Dashboard.Features.Risks;

/// <summary>What the register page reads for one register and comparison point: shared, so never changed.</summary>
public sealed record RiskRegisterSnapshot(IReadOnlyList<RiskRow> Risks, IReadOnlyList<IssueRow> Issues, IReadOnlyList<string> Owners);

/// <summary>
/// The register page's view: every open register showing the same register and comparison point shares one read
/// per change (see <see cref="SharedReads"/>).
/// </summary>
public sealed record RiskRegisterView(int? RegisterId, DateTimeOffset ComparisonPoint) : ISharedView<RiskRegisterSnapshot>
{
    public async Task<RiskRegisterSnapshot> ReadAsync(DashboardDbContext db, IServiceProvider services)
    {
        var risks = await RiskQueries.CurrentRisksAsync(db, RegisterId, ComparisonPoint);
        var issues = await IssueQueries.IssuesAsync(db, RegisterId);
        return new RiskRegisterSnapshot(risks, issues, [.. risks.Select(r => r.Owner).Distinct().Order()]);
    }
}
