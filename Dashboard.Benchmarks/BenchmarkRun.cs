using System.Globalization;
using Dashboard.Data;

namespace Dashboard.Benchmarks;

/// <summary>One provider's run: generate, start the app, measure, and turn the samples into figures.</summary>
public static class BenchmarkRun
{
    public static async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, string appDll, TextWriter log)
    {
        var provider = options.Provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";
        var measures = new List<Measure>();
        var notes = new List<string>();
        var pages = options.Parts.HasFlag(BenchmarkParts.Render) || options.Parts.HasFlag(BenchmarkParts.Live);
        var jobsApart = options.Parts.HasFlag(BenchmarkParts.Jobs) && (!pages || options.JobsSize != options.Size);

        await using var database = await BenchmarkDatabase.CreateAsync(options.Provider, options.PostgresServer);
        var plan = await JobsBenchmark.ReminderPlanAsync(database);
        GeneratedDataset? data = null;
        if (pages || !jobsApart)
        {
            await log.WriteLineAsync($"{provider}: generating {Describe(options.Size)}");
            data = await DatasetGenerator.GenerateAsync(database.Database, options.Size, plan);
            await log.WriteLineAsync($"{provider}: {data.Rows:N0} rows in {data.Took.TotalSeconds:F1} s");
            notes.Add($"Dataset generated in {data.Took.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s ({data.Rows:N0} rows).");
        }

        if (options.Parts.HasFlag(BenchmarkParts.Jobs))
        {
            await using var jobsDatabase = jobsApart ? await BenchmarkDatabase.CreateAsync(options.Provider, options.PostgresServer) : null;
            if (jobsDatabase is not null)
            {
                await log.WriteLineAsync($"{provider}: generating the jobs' dataset, {Describe(options.JobsSize)}");
                var jobsData = await DatasetGenerator.GenerateAsync(jobsDatabase.Database, options.JobsSize, plan);
                await log.WriteLineAsync($"{provider}: {jobsData.Rows:N0} rows in {jobsData.Took.TotalSeconds:F1} s");
                notes.Add($"Jobs' dataset ({Describe(options.JobsSize)}) generated in {jobsData.Took.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s ({jobsData.Rows:N0} rows).");
            }

            await log.WriteLineAsync($"{provider}: quarterly rollup and reminder scan");
            var jobs = await JobsBenchmark.RunAsync(jobsDatabase ?? database, options.JobWarmup, options.JobSamples);
            var rollupP50 = Percentiles.Of(jobs.RollupMs.ToList(), 50);
            var rollupP95 = Percentiles.Of(jobs.RollupMs.ToList(), 95);
            var groupByP50 = Percentiles.Of(jobs.GroupByMs.ToList(), 50);
            var groupByP95 = Percentiles.Of(jobs.GroupByMs.ToList(), 95);
            var rollup = $"Quarterly rollup of {jobs.Quarter} (adds up {jobs.PiValuesRead:N0} of {jobs.PiValuesTotal:N0} PI values)";
            var groupBy = $"Raw SQL GROUP BY over the same {jobs.PiValuesRead:N0} PI values";
            var scan = $"Reminder scan ({jobs.Obligations:N0} outstanding obligations)";
            measures.Add(new("rollup_p50_ms", $"{rollup}, p50", rollupP50, "ms", "≤ 1.5× GROUP BY", rollupP50 / groupByP50, "raw SQL GROUP BY p50", Guarded: false));
            measures.Add(new("rollup_p95_ms", $"{rollup}, p95", rollupP95, "ms", "≤ 1.5× GROUP BY", rollupP95 / groupByP95, "raw SQL GROUP BY p95", Guarded: true));
            measures.Add(new("group_by_p50_ms", $"{groupBy}, p50", groupByP50, "ms", "—", null, null, Guarded: false));
            measures.Add(new("group_by_p95_ms", $"{groupBy}, p95", groupByP95, "ms", "—", null, null, Guarded: false));
            measures.Add(new("reminder_scan_p50_ms", $"{scan}, p50", Percentiles.Of(jobs.ScanMs.ToList(), 50), "ms", "< 1 s", null, null, Guarded: false));
            measures.Add(new("reminder_scan_p95_ms", $"{scan}, p95", Percentiles.Of(jobs.ScanMs.ToList(), 95), "ms", "< 1 s", null, null, Guarded: true));
            notes.Add($"Jobs: {options.JobSamples} runs each after {options.JobWarmup} warm-up, in the harness's process through the app's own registrations; the rollup computes and saves the last closed quarter (as an administrator's re-run does), reading that financial year's PI values to date (plus, per indicator and council, the values its trends compare with) — the GROUP BY reads the same year-to-date rows in one statement; the scan reads what is outstanding and which reminder step is due today, sending nothing.");
        }

        if (!pages)
        {
            return new BenchmarkResult(provider, options.IsSmoke, Describe(options.JobsSize), DateTimeOffset.UtcNow, Environment.ProcessorCount, measures, notes);
        }

        await log.WriteLineAsync($"{provider}: starting the app");
        await using var app = await AppServer.StartAsync(appDll, database);
        if (options.Parts.HasFlag(BenchmarkParts.Render))
        {
            await log.WriteLineAsync($"{provider}: server-side render of / ({options.RenderSamples} samples after {options.RenderWarmup} warm-up)");
            var render = await BoardRenderBenchmark.RunAsync(app, database, options.RenderWarmup, options.RenderSamples);
            var renderP50 = Percentiles.Of(render.RenderMs.ToList(), 50);
            var renderP95 = Percentiles.Of(render.RenderMs.ToList(), 95);
            var rawP50 = Percentiles.Of(render.RawSqlMs.ToList(), 50);
            var rawP95 = Percentiles.Of(render.RawSqlMs.ToList(), 95);
            measures.Insert(0, new("render_p50_ms", "Board dashboard render (GET /), p50", renderP50, "ms", "—", renderP50 / rawP50, "raw SQL p50", Guarded: true));
            measures.Insert(1, new("render_p95_ms", "Board dashboard render (GET /), p95", renderP95, "ms", "< 150 ms", renderP95 / rawP95, "raw SQL p95", Guarded: true));
            measures.Insert(2, new("raw_sql_p95_ms", "Raw SQL the page needs (ADO.NET), p95", rawP95, "ms", "—", null, null, Guarded: false));
            notes.Insert(0, $"Render: {options.RenderSamples} sequential GETs of / signed in (after {options.RenderWarmup} warm-up); raw SQL: the same number of runs of the queries the page's four widgets need on a pooled ADO.NET connection.");
        }

        if (!options.Parts.HasFlag(BenchmarkParts.Live))
        {
            return new BenchmarkResult(provider, options.IsSmoke, Describe(options.Size), DateTimeOffset.UtcNow, Environment.ProcessorCount, measures, notes);
        }

        await log.WriteLineAsync($"{provider}: live updates on {string.Join(", ", options.DashboardCounts)} open dashboards");
        var live = await LiveUpdateBenchmark.RunAsync(app, data!, options, log);
        AddLive(measures, notes, live, options);
        return new BenchmarkResult(provider, options.IsSmoke, Describe(options.Size), DateTimeOffset.UtcNow, Environment.ProcessorCount, measures, notes);
    }

    private static void AddLive(List<Measure> measures, List<string> notes, LiveRun live, BenchmarkOptions options)
    {
        foreach (var figure in live.Figures)
        {
            var n = figure.Dashboards;
            var tripP50 = Percentiles.Of(figure.RoundTripMs.ToList(), 50);
            var tripP95 = Percentiles.Of(figure.RoundTripMs.ToList(), 95);
            var allP95 = Percentiles.Of(figure.AllVisibleMs.ToList(), 95);
            var pageP95 = Percentiles.Of(figure.PerPageMs.ToList(), 95);
            measures.Add(new($"change_all_visible_p95_ms_n{n}", $"Change → visible on all {n} dashboards, p95", allP95, "ms", "< 500 ms", allP95 / tripP95, "bare round trip p95", Guarded: true));
            measures.Add(new($"change_per_page_p95_ms_n{n}", $"Change → visible per dashboard (N = {n}), p95", pageP95, "ms", "< 500 ms", pageP95 / tripP95, "bare round trip p95", Guarded: false));
            var pageP50 = Percentiles.Of(figure.PerPageMs.ToList(), 50);
            measures.Add(new($"change_per_page_p50_ms_n{n}", $"Change → visible per dashboard (N = {n}), p50", pageP50, "ms", "—", pageP50 / tripP50, "bare round trip p50", Guarded: false));
            var savedP95 = Percentiles.Of(figure.SavedMs.ToList(), 95);
            var fanOutP95 = Percentiles.Of(figure.FanOutMs.ToList(), 95);
            measures.Add(new($"fanout_p95_ms_n{n}", $"Server-side fan-out, change published → last circuit's render batch sent (N = {n}), p95", fanOutP95, "ms", "< 150 ms", fanOutP95 / tripP95, "bare round trip p95", Guarded: false));
            measures.Add(new($"change_saved_p95_ms_n{n}", $"Change → saved, as the editor sees it (N = {n}), p95", savedP95, "ms", "—", savedP95 / tripP95, "bare round trip p95", Guarded: false));
            measures.Add(new($"round_trip_p95_ms_n{n}", $"Bare circuit round trip (N = {n}), p95", tripP95, "ms", "—", null, null, Guarded: false));
            measures.Add(new($"round_trip_p50_ms_n{n}", $"Bare circuit round trip (N = {n}), p50", tripP50, "ms", "—", null, null, Guarded: true));
        }

        var largest = live.Figures[^1];
        const string Html = "the page's own prerendered HTML";
        var risks = largest.Memory;
        var board = live.Board;
        measures.Add(new("managed_per_circuit_kb", $"Managed heap per idle /risks circuit, after a full collection (N = {risks.Circuits})", risks.ManagedKilobytesPerCircuit, "KB", "< 500 KB", risks.ManagedKilobytesPerCircuit * 1024 / live.RisksHtmlBytes, Html, Guarded: true));
        measures.Add(new("memory_per_circuit_kb", $"Resident memory (VmRSS) per idle /risks circuit (N = {risks.Circuits})", risks.ResidentKilobytesPerCircuit, "KB", "—", risks.ResidentKilobytesPerCircuit * 1024 / live.RisksHtmlBytes, Html, Guarded: false));
        measures.Add(new("managed_per_board_circuit_kb", $"Managed heap per idle board dashboard (/) circuit, after a full collection (N = {board.Circuits})", board.ManagedKilobytesPerCircuit, "KB", "< 300 KB", board.ManagedKilobytesPerCircuit * 1024 / live.BoardHtmlBytes, Html, Guarded: true));
        measures.Add(new("memory_per_board_circuit_kb", $"Resident memory (VmRSS) per idle board dashboard (/) circuit (N = {board.Circuits})", board.ResidentKilobytesPerCircuit, "KB", "—", board.ResidentKilobytesPerCircuit * 1024 / live.BoardHtmlBytes, Html, Guarded: false));
        notes.Add($"Live: {options.ChangeRounds} risk closures per dashboard count, each from the risk page's Close button to the moment a DOM observer in every open /risks page sees \"Updated just now\"; bare round trip: {options.RoundTrips} matrix-cell clicks on one dashboard, timed the same way.");
        notes.Add("Server-side fan-out: the app's own time from publishing the change (on PostgreSQL: hearing it on the channel) to the last subscribed circuit's refresh done and its render batch handed to the connection, read from /diagnostics/live.");
        notes.Add($"Memory: after opening the dashboards and 3 s idle, the server forces a full (compacting) collection and reports its managed heap, and its VmRSS (/proc/<pid>/status) is read; minus the same before, divided by the count (/risks: managed {risks.Before.ManagedBytes / 1024:N0} KB → {risks.After.ManagedBytes / 1024:N0} KB, VmRSS {risks.Before.ResidentKb:N0} KB → {risks.After.ResidentKb:N0} KB; then {board.Circuits} board dashboards / opened beside them: managed {board.Before.ManagedBytes / 1024:N0} KB → {board.After.ManagedBytes / 1024:N0} KB, VmRSS {board.Before.ResidentKb:N0} KB → {board.After.ResidentKb:N0} KB). VmRSS also counts memory the runtime keeps from the OS after collecting, so it stays an upper bound.");
    }

    private static string Describe(DatasetSize size) =>
        $"{size.Services} services × {size.Months} monthly status cards, {size.Risks:N0} risks × {size.AssessmentsPerRisk} assessments ({size.ProgrammeRisks} on the programme register), {size.Indicators:N0} PIs × 2 councils × {size.Months} months"
        + (size.OutstandingObligations > 0 ? $", {size.OutstandingObligations:N0} updates owed on the reporting date" : "");

    /// <summary>The app's build output beside this build (same configuration), found from the repository root.</summary>
    public static string DefaultAppDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(RepositoryRoot(), "Dashboard", "bin", configuration, "net10.0", "Dashboard.dll");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Dashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
