using Dashboard.Data;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Risks;

/// <summary>What the register page reads for one register and comparison point: shared, so never changed.</summary>
public sealed record RiskRegisterSnapshot(IReadOnlyList<RiskRow> Risks, IReadOnlyList<IssueRow> Issues, IReadOnlyList<string> Owners);

/// <summary>
/// The register page's data, read once per change and shared: when a risk changes, every open register
/// refreshes, and a hundred of them showing the same view cost one database read (and hold one copy of
/// the rows) instead of a hundred. A read is good until <see cref="IChangeNotifier.Version"/> moves, which
/// happens before any page hears of the change, so a page refreshing for a change never gets an older read.
/// </summary>
public sealed class RiskRegisterSnapshots(IServiceScopeFactory scopes, IChangeNotifier changes)
{
    // Views differ by register and comparison date; a handful are open at once. Past this, start again
    // rather than keep reads nobody asks for.
    private const int MaxViews = 32;

    private readonly Lock gate = new();
    private readonly Dictionary<(int? RegisterId, DateTimeOffset ComparisonPoint), (long Version, Lazy<Task<RiskRegisterSnapshot>> Read)> views = [];

    public Task<RiskRegisterSnapshot> GetAsync(int? registerId, DateTimeOffset comparisonPoint)
    {
        var version = changes.Version;
        var key = (registerId, comparisonPoint);
        Lazy<Task<RiskRegisterSnapshot>> read;
        lock (gate)
        {
            if (!views.TryGetValue(key, out var view) || view.Version < version || (view.Read.IsValueCreated && (view.Read.Value.IsFaulted || view.Read.Value.IsCanceled)))
            {
                if (views.Count >= MaxViews)
                {
                    views.Clear();
                }

                // Started outside the lock and on a pool thread: SQLite's reads complete synchronously, and the
                // pages waiting for this read must await it, not block pool threads inside Lazy.Value meanwhile.
                view = (version, new Lazy<Task<RiskRegisterSnapshot>>(() => Task.Run(() => ReadAsync(registerId, comparisonPoint))));
                views[key] = view;
            }

            read = view.Read;
        }

        return read.Value;
    }

    private async Task<RiskRegisterSnapshot> ReadAsync(int? registerId, DateTimeOffset comparisonPoint)
    {
        // The context factory is scoped (it stamps the saver on audited writes); this read belongs to no one circuit.
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var risks = await RiskQueries.CurrentRisksAsync(db, registerId, comparisonPoint);
        var issues = await IssueQueries.IssuesAsync(db, registerId);
        return new RiskRegisterSnapshot(risks, issues, [.. risks.Select(r => r.Owner).Distinct().Order()]);
    }
}
