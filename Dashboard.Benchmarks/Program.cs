using Dashboard.Benchmarks;
using Dashboard.Data;

// dotnet run -c Release --project Dashboard.Benchmarks -- [--smoke] [--provider sqlite|postgres|both] [--only render|live|jobs] [--postgres <server>] [--out <folder>]
var smoke = args.Contains("--smoke");
var providerArgument = ValueOf("--provider") ?? "sqlite";
var onlyArgument = ValueOf("--only");
var parts = onlyArgument?.ToLowerInvariant() switch
{
    null => BenchmarkParts.All,
    "render" => BenchmarkParts.Render,
    "live" => BenchmarkParts.Live,
    "jobs" => BenchmarkParts.Jobs,
    _ => throw new ArgumentException($"--only must be render, live or jobs, not '{onlyArgument}'."),
};
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
var name = $"{(smoke ? "smoke" : "full")}-{providerArgument.ToLowerInvariant()}{(onlyArgument is null ? "" : "-" + onlyArgument.ToLowerInvariant())}";
await File.WriteAllTextAsync(Path.Combine(outFolder, name + ".json"), report.ToJson());
await File.WriteAllTextAsync(Path.Combine(outFolder, name + ".md"), report.ToMarkdown());
Console.WriteLine();
Console.WriteLine(report.ToMarkdown());
Console.WriteLine($"Written to {Path.Combine(outFolder, name)}.json and .md");
return 0;

string? ValueOf(string option)
{
    var index = Array.IndexOf(args, option);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
