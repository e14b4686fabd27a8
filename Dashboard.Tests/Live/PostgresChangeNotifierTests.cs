using Dashboard.Data;
using Dashboard.Live;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Dashboard.Tests.Live;

/// <summary>The LISTEN/NOTIFY backplane between two app servers' notifiers, on a real PostgreSQL server.</summary>
public sealed class PostgresChangeNotifierTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_change_published_on_one_server_reaches_subscribers_on_the_other_within_a_second()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        var connectionString = database.AppSettings["Database__ConnectionString"];
        using var serverA = await StartAsync(connectionString);
        using var serverB = await StartAsync(connectionString);
        var heardOnB = new TaskCompletionSource<DashboardChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = serverB.Subscribe(c => { heardOnB.TrySetResult(c); return Task.CompletedTask; });

        var change = new DashboardChange(ChangeArea.StatusCards, 7, "ICT status set to Amber");
        serverA.Publish(change);

        Assert.Equal(change, await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(1), Cancel));
    }

    [Fact]
    public async Task A_malformed_notification_is_ignored_and_the_channel_keeps_working()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        var connectionString = database.AppSettings["Database__ConnectionString"];
        using var server = await StartAsync(connectionString);
        var heard = new List<DashboardChange>();
        var good = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = server.Subscribe(c => { heard.Add(c); good.TrySetResult(); return Task.CompletedTask; });

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(Cancel);
            await using var command = new NpgsqlCommand($"SELECT pg_notify('{PostgresChangeNotifier.Channel}', 'not json')", connection);
            await command.ExecuteNonQueryAsync(Cancel);
        }

        server.Publish(new DashboardChange(ChangeArea.Risks, 10, "Risk 10 re-assessed at 12"));

        await good.Task.WaitAsync(TimeSpan.FromSeconds(2), Cancel);
        Assert.Equal("Risk 10 re-assessed at 12", Assert.Single(heard).Summary);
    }

    [Fact]
    public async Task After_a_dropped_connection_it_listens_again_and_every_screen_refreshes_once()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        var connectionString = database.AppSettings["Database__ConnectionString"];
        using var server = await StartAsync(connectionString);
        var heard = new System.Collections.Concurrent.ConcurrentQueue<DashboardChange>();
        var resynced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var after = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = server.Subscribe(
            c =>
            {
                heard.Enqueue(c);
                (c.Everything ? resynced : after).TrySetResult();
                return Task.CompletedTask;
            },
            new([ChangeArea.People]));

        // The database server drops the listening connection (as a restart or a network cut would).
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(Cancel);
            await using var terminate = new NpgsqlCommand(
                $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query = 'LISTEN {PostgresChangeNotifier.Channel}' AND datname = current_database()", connection);
            Assert.Equal(1L, await terminate.ExecuteScalarAsync(Cancel));
        }

        // Readiness says so while it is not listening (it waits 2 s before listening again), and recovers with it.
        var readiness = new Dashboard.Operations.ReadinessChecks.ChangeChannel(server);
        async Task<HealthStatus> ReadinessAsync() => (await readiness.CheckHealthAsync(new HealthCheckContext(), Cancel)).Status;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await ReadinessAsync() == HealthStatus.Healthy && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Cancel);
        }

        Assert.Equal(HealthStatus.Unhealthy, await ReadinessAsync());
        await resynced.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        Assert.Equal(HealthStatus.Healthy, await ReadinessAsync());
        server.Publish(new DashboardChange(ChangeArea.People, 4, "Dana Hughes's details changed"));

        await after.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        Assert.Equal([true, false], heard.Select(c => c.Everything));
    }

    [Fact]
    public async Task Disposed_subscriptions_leave_none_behind()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        using var server = await StartAsync(database.AppSettings["Database__ConnectionString"]);

        for (var i = 0; i < 200; i++)
        {
            server.Subscribe(_ => Task.CompletedTask).Dispose();
        }

        Assert.Equal(0, server.SubscriberCount);
    }

    /// <summary>A notifier as one app server runs it, listening before it is returned.</summary>
    private static async Task<PostgresChangeNotifier> StartAsync(string connectionString)
    {
        var notifier = new PostgresChangeNotifier(
            connectionString,
            new InProcessChangeNotifier(NullLogger<InProcessChangeNotifier>.Instance),
            NullLogger<PostgresChangeNotifier>.Instance);
        await notifier.StartAsync(Cancel);
        await notifier.Listening.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        return notifier;
    }
}
