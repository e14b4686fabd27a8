using System.Collections.Concurrent;
using Dashboard.Live;

namespace Dashboard.Tests.Support;

/// <summary>
/// What a notifier announced, for tests of the commands that announce. Subscribers hear a change on a
/// thread-pool thread after the save returns, so a test waits for what it expects rather than reading at once.
/// </summary>
public sealed class Announcements : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<DashboardChange> heard = new();
    private readonly SemaphoreSlim arrived = new(0);
    private readonly IDisposable subscription;

    public Announcements(IChangeNotifier notifier) =>
        subscription = notifier.Subscribe(change =>
        {
            heard.Enqueue(change);
            arrived.Release();
            return Task.CompletedTask;
        });

    /// <summary>Waits for the first announcement, then returns everything heard (a second one would show as a second entry).</summary>
    public async Task<IReadOnlyList<DashboardChange>> AfterFirstAsync()
    {
        Assert.True(await arrived.WaitAsync(Patience, TestContext.Current.CancellationToken), $"Nothing was announced within {Patience.TotalSeconds} s.");
        return [.. heard];
    }

    public void Dispose()
    {
        subscription.Dispose();
        arrived.Dispose();
    }
}
