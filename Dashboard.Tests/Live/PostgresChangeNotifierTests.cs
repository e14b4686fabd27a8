using Dashboard.Data;
using Dashboard.Live;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
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
