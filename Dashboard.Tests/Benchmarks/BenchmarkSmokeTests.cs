using Dashboard.Benchmarks;
using Dashboard.Data;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Benchmarks;

/// <summary>
/// The benchmark harness at smoke sizes still runs end to end and measures every figure the committed baseline
/// has. It asserts no timing: on a machine shared with other builds any threshold turns CI red for nothing.
/// Comparing speed with the baseline is the benchmark command's job (`--compare`, see README "Benchmarks").
/// </summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public Task On_sqlite_the_harness_measures_every_baseline_figure() => RunAsync(DatabaseProvider.Sqlite, null);

    [Fact]
    public Task On_postgres_the_harness_measures_every_baseline_figure()
    {
        PostgresDatabase.RequireServer();
        return RunAsync(DatabaseProvider.Postgres, Environment.GetEnvironmentVariable("DASHBOARD_TEST_POSTGRES"));
    }

    private static async Task RunAsync(DatabaseProvider provider, string? postgresServer)
    {
        Support.Browser.RequireChromium();
        var baseline = BenchmarkReport.FromJson(await File.ReadAllTextAsync(
            Path.Combine(RepositoryPaths.Root, "Dashboard.Benchmarks", "baseline-smoke.json"), TestContext.Current.CancellationToken));
        var log = new StringWriter();
        var result = await BenchmarkRun.RunAsync(BenchmarkOptions.Smoke(provider, postgresServer), RepositoryPaths.AppDll, log);
        TestContext.Current.TestOutputHelper?.WriteLine(log.ToString());
        TestContext.Current.TestOutputHelper?.WriteLine(new BenchmarkReport([result]).ToMarkdown());

        var expected = baseline.Runs.Single(r => r.Provider == result.Provider).Measures.Where(m => m.Guarded).Select(m => m.Key);
        Assert.Empty(expected.Except(result.Measures.Select(m => m.Key)));
        Assert.All(result.Measures.Where(m => m.Unit == "ms"), m => Assert.True(m.Value > 0 && double.IsFinite(m.Value), $"{m.Name} was {m.Value}"));
    }
}
