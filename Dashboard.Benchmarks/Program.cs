using Dashboard.Benchmarks;
using Dashboard.Data;

// dotnet run -c Release --project Dashboard.Benchmarks -- [--smoke] [--provider sqlite|postgres|both] [--only render|live|jobs[,…]] [--postgres <server>] [--out <folder>] [--compare|--check <baseline.json>]
var smoke = args.Contains("--smoke");
var onlyArgument = ValueOf("--only");
var parts = onlyArgument is null
    ? BenchmarkParts.All
    : onlyArgument.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Aggregate((BenchmarkParts)0, (all, part) => all | (Enum.TryParse<BenchmarkParts>(part, ignoreCase: true, out var one) && one != BenchmarkParts.All
            ? one
            : throw new ArgumentException($"--only takes render, live or jobs (comma-separated), not '{part}'.")));
var providerArgument = ValueOf("--provider") ?? "sqlite";
var postgresServer = ValueOf("--postgres") ?? Environment.GetEnvironmentVariable("DASHBOARD_TEST_POSTGRES");
var outFolder = ValueOf("--out") ?? Path.Combine(BenchmarkRun.RepositoryRoot(), "Dashboard.Benchmarks", "results");

DatabaseProvider[] providers = providerArgument.ToLowerInvariant() switch
{
    "sqlite" => [DatabaseProvider.Sqlite],
    "postgres" => [DatabaseProvider.Postgres],
    "both" => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
    _ => throw new ArgumentException($"--provider must be sqlite, postgres or both, not '{providerArgument}'."),
};

var runs = new List<BenchmarkResult>();
foreach (var provider in providers)
{
    var options = (smoke ? BenchmarkOptions.Smoke(provider, postgresServer) : BenchmarkOptions.Full(provider, postgresServer)) with { Parts = parts };
    runs.Add(await BenchmarkRun.RunAsync(options, BenchmarkRun.DefaultAppDll(), Console.Out));
}

var report = new BenchmarkReport(runs);
Directory.CreateDirectory(outFolder);
var name = $"{(smoke ? "smoke" : "full")}-{providerArgument.ToLowerInvariant()}" + (onlyArgument is null ? "" : "-" + string.Join('-', onlyArgument.ToLowerInvariant().Split(',', StringSplitOptions.TrimEntries)));
await File.WriteAllTextAsync(Path.Combine(outFolder, name + ".json"), report.ToJson());
await File.WriteAllTextAsync(Path.Combine(outFolder, name + ".md"), report.ToMarkdown());
Console.WriteLine();
Console.WriteLine(report.ToMarkdown());
Console.WriteLine($"Written to {Path.Combine(outFolder, name)}.json and .md");

// --check (what .ci/run does after the tests): the harness still works and measures every figure the baseline has,
// each well-formed, or the command fails; timing regressions are reported, never failing it, because CI shares its
// machine. --compare, for a quiet machine: a guarded figure more than 3× the baseline's, and worse by more than
// scheduling jitter (100 ms, 2 MB), fails the command as well.
var checkFile = ValueOf("--check");
if ((checkFile ?? ValueOf("--compare")) is not { } baselineFile)
{
    return 0;
}

var baseline = BenchmarkReport.FromJson(await File.ReadAllTextAsync(baselineFile));
var problems = report.ProblemsAgainst(baseline);
Console.WriteLine(problems.Count == 0 ? $"Every figure {baselineFile} has was measured and is well-formed." : string.Join(Environment.NewLine, problems));
var regressions = report.RegressionsAgainst(baseline, 3, new Dictionary<string, double> { ["ms"] = 100, ["KB"] = 2048 });
Console.WriteLine(regressions.Count == 0 ? $"No figure is more than 3× {baselineFile}." : string.Join(Environment.NewLine, regressions) + (checkFile is null ? "" : Environment.NewLine + "(Timings are reported, not checked: this machine may be busy.)"));
return problems.Count > 0 || (checkFile is null && regressions.Count > 0) ? 1 : 0;

string? ValueOf(string option)
{
    var index = Array.IndexOf(args, option);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
