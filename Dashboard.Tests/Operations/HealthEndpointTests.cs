using System.Net;
using Dashboard.Data;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Operations;

/// <summary>
/// /health/live and /health/ready as a load balancer or monitoring probe calls them: no sign-in, only the status word;
/// ready turns unhealthy while the database cannot be read and healthy again once it can.
/// </summary>
public sealed class HealthEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_turns_unhealthy_while_the_database_file_cannot_be_read_and_recovers_while_live_stays_up()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using var app = await AppProcess.StartAsync(database, cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        await WaitForAsync(http, "/health/ready", HttpStatusCode.OK, "Healthy", app);

        // As root (these machines) a file's permissions do not stop reading it, so it is taken away instead: moved aside,
        // and where permissions count, made unreadable too.
        var aside = database.File.FullPath + ".aside";
        File.Move(database.File.FullPath, aside);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(aside, UnixFileMode.None);
        }

        await WaitForAsync(http, "/health/ready", HttpStatusCode.ServiceUnavailable, "Unhealthy", app);
        await WaitForAsync(http, "/health/live", HttpStatusCode.OK, "Healthy", app);

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(aside, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(aside, database.File.FullPath, overwrite: true);
        await WaitForAsync(http, "/health/ready", HttpStatusCode.OK, "Healthy", app);
    }

    [Fact]
    public async Task On_postgresql_ready_covers_the_change_channel_and_says_only_healthy()
    {
        PostgresDatabase.RequireServer();
        await using var database = await TestDatabase.CreateSeededAsync(DatabaseProvider.Postgres);
        await using var app = await AppProcess.StartAsync(database, cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        await WaitForAsync(http, "/health/ready", HttpStatusCode.OK, "Healthy", app);
        await WaitForAsync(http, "/health/live", HttpStatusCode.OK, "Healthy", app);
    }

    /// <summary>The checks run on each request; the app may take a moment (Hangfire's first heartbeat, a pool emptying).</summary>
    private static async Task WaitForAsync(HttpClient http, string path, HttpStatusCode status, string body, AppProcess app)
    {
        (HttpStatusCode Status, string Body) last = default;
        for (var attempt = 0; attempt < 150; attempt++)
        {
            using var response = await http.GetAsync(path, Ct);
            last = (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
            if (last == (status, body))
            {
                return;
            }

            await Task.Delay(200, Ct);
        }

        Assert.Fail($"{path} answered {(int)last.Status} '{last.Body}', not {(int)status} '{body}'.\n{app.Output}");
    }
}
