using System.Text.Json;
using Dashboard.Live;
using Microsoft.Playwright;

namespace Dashboard.Benchmarks;

/// <summary>The server's memory at one moment, read after a forced full collection: its managed heap and its resident set.</summary>
public sealed record ServerMemory(long ManagedBytes, long ResidentKb);

/// <summary>The server's memory before and after opening <paramref name="Circuits"/> idle pages.</summary>
public sealed record CircuitMemory(int Circuits, ServerMemory Before, ServerMemory After)
{
    public double ManagedKilobytesPerCircuit => (After.ManagedBytes - Before.ManagedBytes) / 1024.0 / Circuits;

    public double ResidentKilobytesPerCircuit => (double)(After.ResidentKb - Before.ResidentKb) / Circuits;
}

/// <summary>What one count of open dashboards measured.</summary>
public sealed record LiveFigures(
    int Dashboards,
    IReadOnlyList<double> AllVisibleMs,
    IReadOnlyList<double> PerPageMs,
    IReadOnlyList<double> RoundTripMs,
    IReadOnlyList<double> SavedMs,
    IReadOnlyList<double> FanOutMs,
    CircuitMemory Memory);

/// <summary>The live part of a run: the figures per dashboard count, then the idle board dashboards' memory.</summary>
public sealed record LiveRun(IReadOnlyList<LiveFigures> Figures, CircuitMemory Board, long RisksHtmlBytes, long BoardHtmlBytes);

/// <summary>
/// Real Chromium pages on the risk register (which refreshes when a risk changes): an administrator closes a
/// risk through the risk page's own button and confirmation, and every open register is watched until it
/// says so. Times are taken inside the browser — the click event in the editor's page, a DOM mutation
/// observer in each dashboard — on the machine's one clock, so Playwright's own polling adds nothing.
/// The bare round trip is measured the same way on one dashboard: a click on a matrix cell, which only
/// re-renders that circuit's page (no database, no other circuit). Last, as many board dashboards (/) as the
/// largest count are opened beside the registers, for what an idle board circuit costs.
/// </summary>
public static class LiveUpdateBenchmark
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private const string InteractiveSelector = "[data-interactive='true']";

    // Records when the click reaches the page (capture phase, before Blazor's own handler).
    private const string ArmClick = "() => { window.__clickAt = null; document.addEventListener('click', () => { window.__clickAt ??= performance.timeOrigin + performance.now(); }, { capture: true, once: true }); }";

    // Records the first moment the condition holds after a DOM change.
    private const string ArmWatch = """
        (condition) => {
            window.__seenAt = null;
            const holds = new Function('return (' + condition + ')();');
            const observer = new MutationObserver(() => {
                if (holds()) { window.__seenAt = performance.timeOrigin + performance.now(); observer.disconnect(); }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        """;

    public static async Task<LiveRun> RunAsync(AppServer app, GeneratedDataset data, BenchmarkOptions options, TextWriter log)
    {
        var needed = options.DashboardCounts.Count * options.ChangeRounds;
        if (data.OpenProgrammeRisks.Count < needed)
        {
            throw new InvalidOperationException($"{needed} changes need as many open programme risks; the dataset has {data.OpenProgrammeRisks.Count}.");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
                // Every dashboard is a tab nobody looks at; a real board member's screen is not throttled.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
            ],
        });

        // One context: the dashboards share the editor's sign-in cookie, but each tab has its own circuit.
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        context.SetDefaultTimeout(120_000);
        var editor = await context.NewPageAsync();
        await SignInAsync(editor);

        // Warm the server (JIT, caches) on one register before measuring memory against a baseline.
        var warm = await OpenDashboardAsync(context);
        await warm.CloseAsync();
        await Task.Delay(2_000);
        var baseline = await MemoryAsync(app, context);

        var dashboards = new List<IPage>();
        var risks = new Queue<(int Id, string Ref)>(data.OpenProgrammeRisks);
        var figures = new List<LiveFigures>();
        foreach (var count in options.DashboardCounts)
        {
            while (dashboards.Count < count)
            {
                var batch = Math.Min(5, count - dashboards.Count);
                dashboards.AddRange(await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => OpenDashboardAsync(context))));
            }

            await log.WriteLineAsync($"  {count} dashboards open");
            // Idle means idle: let the opening renders finish before reading the server's memory.
            await Task.Delay(3_000);
            var memory = await MemoryAsync(app, context);

            var roundTrips = new List<double>();
            for (var i = 0; i < options.RoundTrips; i++)
            {
                var pressed = i % 2 == 0;
                var condition = pressed
                    ? "() => document.querySelector('.risk-matrix-button[aria-pressed=\"true\"]') !== null"
                    : "() => document.querySelector('.risk-matrix-button[aria-pressed=\"true\"]') === null";
                var page = dashboards[0];
                await page.EvaluateAsync(ArmWatch, condition);
                await page.EvaluateAsync(ArmClick);
                await page.Locator(".risk-matrix-button").First.ClickAsync();
                roundTrips.Add((await SeenAtAsync(page)) - await page.EvaluateAsync<double>("() => window.__clickAt"));
                await log.WriteLineAsync($"  N = {count}: round trip {roundTrips[^1]:F0} ms");
            }

            var allVisible = new List<double>();
            var perPage = new List<double>();
            var saved = new List<double>();
            var fanOuts = new List<double>();
            for (var round = 0; round < options.ChangeRounds; round++)
            {
                var (id, reference) = risks.Dequeue();
                await editor.GotoAsync($"/risks/{id}");
                await editor.WaitForSelectorAsync(InteractiveSelector);
                await editor.GetByRole(AriaRole.Button, new() { Name = "Close risk", Exact = true }).ClickAsync();
                var confirm = editor.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close risk", Exact = true });
                await confirm.WaitForAsync();

                var expected = $"Updated just now: Risk {reference} closed";
                var condition = $"() => {{ const e = document.querySelector('.live-change'); return e !== null && e.textContent.trim() === '{expected}'; }}";
                await Task.WhenAll(dashboards.Select(d => d.EvaluateAsync(ArmWatch, condition)));
                await editor.EvaluateAsync(ArmWatch, "() => (document.querySelector('.mud-snackbar')?.textContent ?? '').includes('Risk closed.')");
                await editor.EvaluateAsync(ArmClick);
                await confirm.ClickAsync();

                var seen = await Task.WhenAll(dashboards.Select(SeenAtAsync));
                var clickedAt = await editor.EvaluateAsync<double>("() => window.__clickAt");
                saved.Add(await SeenAtAsync(editor) - clickedAt);
                var latencies = seen.Select(s => s - clickedAt).ToList();
                perPage.AddRange(latencies);
                allVisible.Add(latencies.Max());
                fanOuts.Add(await FanOutAsync(context, $"Risk {reference} closed"));
                await log.WriteLineAsync($"  N = {count}, risk {reference}: saved (editor) {saved[^1]:F0} ms, server fan-out {fanOuts[^1]:F0} ms, first dashboard {latencies.Min():F0} ms, all {latencies.Max():F0} ms");
            }

            figures.Add(new LiveFigures(count, allVisible, perPage, roundTrips, saved, fanOuts, new CircuitMemory(count, baseline, memory)));
        }

        var boards = options.DashboardCounts[^1];
        var beforeBoards = await MemoryAsync(app, context);
        for (var opened = 0; opened < boards; opened += 5)
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Min(5, boards - opened)).Select(_ => OpenAsync(context, "/", "main")));
        }

        await log.WriteLineAsync($"  {boards} board dashboards opened beside them");
        await Task.Delay(3_000);
        var board = new CircuitMemory(boards, beforeBoards, await MemoryAsync(app, context));

        var risksHtml = await HtmlBytesAsync(context, "/risks");
        var boardHtml = await HtmlBytesAsync(context, "/");
        await context.CloseAsync();
        return new LiveRun(figures, board, risksHtml, boardHtml);
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(AppServer.AdminEmail);
        await page.GetByLabel("Password").FillAsync(AppServer.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }

    private static Task<IPage> OpenDashboardAsync(IBrowserContext context) => OpenAsync(context, "/risks", ".risk-matrix-button");

    private static async Task<IPage> OpenAsync(IBrowserContext context, string path, string shown)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync(InteractiveSelector);
        await page.WaitForSelectorAsync(shown);
        return page;
    }

    private static async Task<LiveDiagnostics> DiagnosticsAsync(IBrowserContext context)
    {
        var response = await context.APIRequest.GetAsync("/diagnostics/live");
        if (!response.Ok)
        {
            throw new InvalidOperationException($"/diagnostics/live answered {response.Status}; the app must run with Live:Diagnostics on and the harness signed in as an administrator.");
        }

        return JsonSerializer.Deserialize<LiveDiagnostics>(await response.BodyAsync(), JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("/diagnostics/live answered nothing.");
    }

    // The endpoint collects fully before it answers, so the resident set read just after has no garbage in it either.
    private static async Task<ServerMemory> MemoryAsync(AppServer app, IBrowserContext context) =>
        new((await DiagnosticsAsync(context)).ManagedHeapBytes, app.ResidentKilobytes());

    /// <summary>The server's own time for the change to reach every circuit (the last refresh may finish after the last page saw it).</summary>
    private static async Task<double> FanOutAsync(IBrowserContext context, string summary)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if ((await DiagnosticsAsync(context)).FanOuts.LastOrDefault(f => f.Summary == summary) is { } fanOut)
            {
                return fanOut.Milliseconds;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server recorded no fan-out for \"{summary}\" within 5 s.");
    }

    private static async Task<long> HtmlBytesAsync(IBrowserContext context, string path)
    {
        var response = await context.APIRequest.GetAsync(path);
        return (await response.BodyAsync()).LongLength;
    }

    private static async Task<double> SeenAtAsync(IPage page)
    {
        // Polled slowly on purpose: the time is recorded inside the page, polling only collects it.
        await page.WaitForFunctionAsync("() => window.__seenAt", null, new() { PollingInterval = 100, Timeout = 30_000 });
        return await page.EvaluateAsync<double>("() => window.__seenAt");
    }
}
