using System.Diagnostics;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Hosting;

/// <summary>Bad configuration stops the real app with one line naming the setting, not a stack trace.</summary>
public sealed class StartupErrorTests
{
    [Fact]
    public async Task An_unwritable_database_path_names_database_path()
    {
        var (exitCode, stderr) = await RunAppAsync(Path.GetTempPath(), new() { ["Database__Path"] = "/proc/no-such-place/dashboard.db" });

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Dashboard cannot start: Setting Database:Path '/proc/no-such-place/dashboard.db' cannot be used", stderr, StringComparison.Ordinal);
        Assert.Single(NonEmptyLines(stderr));
    }

    [Fact]
    public async Task Score_bands_with_a_gap_name_the_setting()
    {
        var (exitCode, stderr) = await RunAppAsync(Path.GetTempPath(), new()
        {
            ["Database__Path"] = TestDatabase.NewTemporaryPath(),
            ["Risks__ScoreBands__1__MinScore"] = "5",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Setting Risks:ScoreBands is not usable: Score 4 is not covered by any band.", stderr, StringComparison.Ordinal);
        Assert.Single(NonEmptyLines(stderr));
    }

    [Fact]
    public async Task A_staleness_limit_below_one_day_names_the_setting()
    {
        var (exitCode, stderr) = await RunAppAsync(Path.GetTempPath(), new()
        {
            ["Database__Path"] = TestDatabase.NewTemporaryPath(),
            ["Performance__StaleAfterDays__MonthlyDays"] = "0",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Setting Performance:StaleAfterDays is not usable: MonthlyDays must be at least 1 day (it is 0).", stderr, StringComparison.Ordinal);
        Assert.Single(NonEmptyLines(stderr));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_the_setting()
    {
        var (exitCode, stderr) = await RunAppAsync(Path.GetTempPath(), new()
        {
            ["Database__Path"] = TestDatabase.NewTemporaryPath(),
            ["Demo__Enabled"] = "perhaps",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Demo:Enabled", stderr, StringComparison.Ordinal);
        Assert.Single(NonEmptyLines(stderr));
    }

    [Fact]
    public async Task Malformed_appsettings_json_names_the_file()
    {
        // A published copy of the app whose one settings file has been mangled by hand.
        var copy = Directory.CreateTempSubdirectory("dashboard-published-").FullName;
        foreach (var file in Directory.GetFiles(RepositoryPaths.AppDirectory))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(copy, "appsettings.json"), "{ \"Database\": { \"Path\": \"data/x.db\" ", TestContext.Current.CancellationToken);
        var (exitCode, stderr) = await RunAppAsync(copy, new() { ["Database__Path"] = TestDatabase.NewTemporaryPath() }, Path.Combine(copy, "Dashboard.dll"));
        Directory.Delete(copy, recursive: true);

        Assert.Equal(1, exitCode);
        Assert.Contains("appsettings.json is not valid JSON", stderr, StringComparison.Ordinal);
        Assert.Single(NonEmptyLines(stderr));
    }

    private static string[] NonEmptyLines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<(int ExitCode, string Stderr)> RunAppAsync(string workingDirectory, Dictionary<string, string> environment, string? dll = null)
    {
        var start = AppProcess.StartInfo(workingDirectory, ["--urls", $"http://127.0.0.1:{AppProcess.FreePort()}"]);
        if (dll is not null)
        {
            start.ArgumentList[0] = dll;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app kept running although its configuration is bad.");
        }

        return (process.ExitCode, await stderr);
    }
}
