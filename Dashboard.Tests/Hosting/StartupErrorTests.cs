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
    public async Task A_database_path_holding_a_semicolon_is_taken_as_a_path()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var path = Path.Combine(database.Directory, "Finance; Audit=Yes", "dashboard.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        await using var app = await AppProcess.StartAsync(database, new Dictionary<string, string> { ["Database__Path"] = path, ["Demo__Enabled"] = "false" }, TestContext.Current.CancellationToken);

        Assert.True(File.Exists(path), $"No database at {path}:\n{app.Output}");
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

    [Fact]
    public async Task Postgres_without_a_connection_string_names_the_setting()
    {
        var (exitCode, stderr) = await RunAppAsync(Path.GetTempPath(), new() { ["Database__Provider"] = "Postgres" });

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Dashboard cannot start: Setting Database:ConnectionString is empty", stderr, StringComparison.Ordinal);
        Assert.Single(NonEmptyLines(stderr));
    }

    [Fact]
    public async Task An_unreachable_postgres_server_names_the_setting()
    {
        var (exitCode, stderr) = await RunAppAsync(Path.GetTempPath(), new()
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = $"Host=127.0.0.1;Port={AppProcess.FreePort()};Username=nobody;Database=nothing;Timeout=3",
        });

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Dashboard cannot start: Setting Database:ConnectionString does not reach a usable PostgreSQL database", stderr, StringComparison.Ordinal);
        Assert.Single(NonEmptyLines(stderr));
    }

    [Fact]
    public async Task An_unknown_database_provider_names_the_setting()
    {
        var (exitCode, stderr) = await RunAppAsync(Path.GetTempPath(), new() { ["Database__Provider"] = "Oracle" });

        Assert.Equal(1, exitCode);
        Assert.Contains("Database:Provider", stderr, StringComparison.Ordinal);
        Assert.Single(NonEmptyLines(stderr));
    }

    [Theory]
    [InlineData("Jobs__Schedules__send-reminders", "every morning", "Setting Jobs:Schedules:send-reminders 'every morning' is not a valid cron expression")]
    [InlineData("Jobs__Storage", "Sqlite", "Setting Jobs:Storage must be InMemory or PostgreSql, not 'Sqlite'.")]
    [InlineData("Reminders__Deadlines__StatusCard", "soon", "Setting Reminders:Deadlines:StatusCard 'soon' cannot be read")]
    [InlineData("Reminders__Ladder__1__When", "30 days before", "Setting Reminders:Ladder is not usable: Step 'Final heads-up' (30 days before) must come after step 'Heads-up' (7 days before).")]
    [InlineData("Reminders__BankHolidays__0", "25/12/2010", "Setting Reminders:BankHolidays:0 must be a date written yyyy-MM-dd, not '25/12/2010'.")]
    [InlineData("Email__Transport", "Pigeon", "Setting Email:Transport must be Pickup or Smtp, not 'Pigeon'.")]
    public async Task Bad_job_reminder_and_email_settings_name_the_setting(string variable, string value, string message)
    {
        var (exitCode, stderr) = await RunAppAsync(Path.GetTempPath(), new()
        {
            ["Database__Path"] = TestDatabase.NewTemporaryPath(),
            [variable] = value,
        });

        Assert.Equal(1, exitCode);
        Assert.Contains($"Dashboard cannot start: {message}", stderr, StringComparison.Ordinal);
        Assert.Single(NonEmptyLines(stderr));
    }

    internal static string[] NonEmptyLines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static async Task<(int ExitCode, string Stderr)> RunAppAsync(string workingDirectory, Dictionary<string, string> environment, string? dll = null)
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
