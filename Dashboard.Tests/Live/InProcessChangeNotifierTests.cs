using Dashboard.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Live;

/// <summary>The one-server notifier: a save announces, open dashboards refresh, and the save does not wait for them.</summary>
public sealed class InProcessChangeNotifierTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_save_announcing_a_change_does_not_wait_for_a_dashboard_still_refreshing()
    {
        var notifier = new InProcessChangeNotifier(NullLogger<InProcessChangeNotifier>.Instance);
        using var release = new ManualResetEventSlim();
        var refreshed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A refresh as SQLite runs it: blocking, with no await to hand the thread back.
        using var slow = notifier.Subscribe(_ =>
        {
            release.Wait(TimeSpan.FromSeconds(10), Cancel);
            refreshed.TrySetResult();
            return Task.CompletedTask;
        });
        var otherHeard = new TaskCompletionSource<DashboardChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var other = notifier.Subscribe(c => { otherHeard.TrySetResult(c); return Task.CompletedTask; });

        var change = new DashboardChange(ChangeArea.Risks, 10, "Risk 10 closed");
        notifier.Publish(change);

        Assert.False(refreshed.Task.IsCompleted, "Publish returned only after the slow dashboard had refreshed.");
        Assert.Equal(change, await otherHeard.Task.WaitAsync(TimeSpan.FromSeconds(5), Cancel));
        release.Set();
        await refreshed.Task.WaitAsync(TimeSpan.FromSeconds(5), Cancel);
    }

    [Fact]
    public async Task The_version_has_moved_by_the_time_a_subscriber_hears_the_change()
    {
        var notifier = new InProcessChangeNotifier(NullLogger<InProcessChangeNotifier>.Instance);
        var before = notifier.Version;
        var versionHeard = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = notifier.Subscribe(_ => { versionHeard.TrySetResult(notifier.Version); return Task.CompletedTask; });

        notifier.Publish(new DashboardChange(ChangeArea.Issues, 1, "Issue I-2 raised"));

        Assert.Equal(before + 1, await versionHeard.Task.WaitAsync(TimeSpan.FromSeconds(5), Cancel));
    }

    [Fact]
    public async Task A_failing_dashboard_does_not_stop_the_others_hearing()
    {
        var notifier = new InProcessChangeNotifier(NullLogger<InProcessChangeNotifier>.Instance);
        using var broken = notifier.Subscribe(_ => throw new InvalidOperationException("circuit gone"));
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var working = notifier.Subscribe(_ => { heard.TrySetResult(); return Task.CompletedTask; });

        notifier.Publish(new DashboardChange(ChangeArea.Risks, 3, "Risk 3 closed"));

        await heard.Task.WaitAsync(TimeSpan.FromSeconds(5), Cancel);
    }
}
