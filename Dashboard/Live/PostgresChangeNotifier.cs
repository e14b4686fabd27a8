using System.Text.Json;
using Npgsql;

namespace Dashboard.Live;

/// <summary>
/// Carries changes between app servers through PostgreSQL LISTEN/NOTIFY, so a card saved on one server
/// reaches board dashboards whose circuits live on another. Publishing only sends the NOTIFY; every server
/// (this one included) hears it on its listening connection and hands it to its own circuits.
/// </summary>
public sealed class PostgresChangeNotifier(string connectionString, InProcessChangeNotifier local, ILogger<PostgresChangeNotifier> logger)
    : BackgroundService, IChangeNotifier
{
    internal const string Channel = "dashboard_changes";

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this server first listens; changes announced before that are not heard here.</summary>
    public Task Listening => listening.Task;

    private volatile bool isListening;

    /// <summary>Listening now: false from a dropped connection until it listens again (what readiness reports).</summary>
    public bool IsListening => isListening;

    public int SubscriberCount => local.SubscriberCount;

    // Moves when this server hears a change on the channel (its own included), not when it sends one.
    public long Version => local.Version;

    public IDisposable Subscribe(Func<DashboardChange, Task> onChange, ChangeInterest? interest = null) => local.Subscribe(onChange, interest);

    public void Publish(DashboardChange change) => _ = SendAsync(change);

    private async Task SendAsync(DashboardChange change)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", JsonSerializer.Serialize(change));
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The change itself is saved; only the live refresh is lost, and the next page load shows it.
            logger.LogWarning(e, "Could not announce {Area} change to other servers: {Summary}", change.Area, change.Summary);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                isListening = true;
                listening.TrySetResult();
                if (lost)
                {
                    // Whatever was announced while the channel was down never reaches this server: every screen
                    // here refreshes once instead, so none keeps showing what it missed.
                    lost = false;
                    logger.LogInformation("Listening to the change channel again; every open screen on this server refreshes once");
                    local.Publish(DashboardChange.Resync("Reconnected to the other servers, showing the latest"));
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                lost = true;
                isListening = false;
                logger.LogWarning(e, "Lost the change channel to PostgreSQL; listening again in {Delay}", ReconnectDelay);
                await Task.Delay(ReconnectDelay, stoppingToken);
            }
        }
    }

    private void Deliver(string payload)
    {
        try
        {
            if (JsonSerializer.Deserialize<DashboardChange>(payload) is { } change)
            {
                local.Publish(change);
            }
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Ignored a malformed change notification: {Payload}", payload);
        }
    }
}
