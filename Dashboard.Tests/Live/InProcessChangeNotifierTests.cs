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

    [Fact]
    public async Task A_screen_hears_only_changes_of_its_areas_and_scope_and_a_many_row_change_reaches_every_screen_of_the_area()
    {
        var notifier = new InProcessChangeNotifier(NullLogger<InProcessChangeNotifier>.Instance);
        var ict = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var programme = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var ictScreen = notifier.Subscribe(c => { ict.Enqueue(c.Summary); return Task.CompletedTask; }, new([ChangeArea.Risks], ChangeScope.Register(2)));
        using var programmeScreen = notifier.Subscribe(c => { programme.Enqueue(c.Summary); return Task.CompletedTask; }, new([ChangeArea.Risks], ChangeScope.Register(1)));

        notifier.Publish(new DashboardChange(ChangeArea.Risks, 10, "Risk PR-1 closed") { Scope = ChangeScope.Register(1) });
        notifier.Publish(new DashboardChange(ChangeArea.StatusCards, 3, "ICT status set to Amber") { Scope = ChangeScope.Service(3) });
        notifier.Publish(new DashboardChange(ChangeArea.Risks, null, "Risks imported"));
        await WaitForFanOutsAsync(notifier, 3);

        Assert.Equal(["Risks imported"], ict);
        Assert.Equal(["Risk PR-1 closed", "Risks imported"], programme.Order());
        Assert.Equal(
            [("ICT status set to Amber", 0), ("Risk PR-1 closed", 1), ("Risks imported", 2)],
            notifier.FanOuts.Recent.Select(f => (f.Summary, f.Subscribers)).Order());
    }

    [Fact]
    public async Task A_resync_reaches_every_screen_whatever_it_shows()
    {
        var notifier = new InProcessChangeNotifier(NullLogger<InProcessChangeNotifier>.Instance);
        var heard = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var risks = notifier.Subscribe(c => { heard.Enqueue("risks"); return Task.CompletedTask; }, new([ChangeArea.Risks], ChangeScope.Register(1)));
        using var people = notifier.Subscribe(c => { heard.Enqueue("people"); return Task.CompletedTask; }, new([ChangeArea.People]));

        notifier.Publish(DashboardChange.Resync("Reconnected"));
        await WaitForFanOutsAsync(notifier, 1);

        Assert.Equal(["people", "risks"], heard.Order());
    }

    [Fact]
    public async Task A_change_s_fan_out_is_timed_until_the_last_subscriber_has_refreshed()
    {
        var notifier = new InProcessChangeNotifier(NullLogger<InProcessChangeNotifier>.Instance);
        using var release = new SemaphoreSlim(0);
        using var slow = notifier.Subscribe(async _ => await release.WaitAsync(Cancel));
        using var quick = notifier.Subscribe(_ => Task.CompletedTask);

        notifier.Publish(new DashboardChange(ChangeArea.Risks, 10, "Risk 10 closed"));

        await Task.Delay(200, Cancel);
        Assert.Empty(notifier.FanOuts.Recent);
        release.Release();
        await WaitForFanOutsAsync(notifier, 1);
        var fanOut = Assert.Single(notifier.FanOuts.Recent);
        Assert.Equal(("Risk 10 closed", 2), (fanOut.Summary, fanOut.Subscribers));
    }

    [Fact]
    public async Task A_screen_hears_changes_one_at_a_time_in_the_order_they_were_saved()
    {
        var notifier = new InProcessChangeNotifier(NullLogger<InProcessChangeNotifier>.Instance);
        var heard = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var busy = 0;
        var overlapped = false;
        using var screen = notifier.Subscribe(async c =>
        {
            overlapped |= Interlocked.Increment(ref busy) > 1;
            await Task.Yield();
            heard.Enqueue(c.EntityId!.Value);
            Interlocked.Decrement(ref busy);
        });

        for (var i = 1; i <= 50; i++)
        {
            notifier.Publish(new DashboardChange(ChangeArea.Risks, i, $"Risk {i} closed"));
        }

        await WaitForFanOutsAsync(notifier, 50);
        Assert.Equal(Enumerable.Range(1, 50), heard);
        Assert.False(overlapped, "Two changes were being heard by the same screen at once.");
    }

    private static async Task WaitForFanOutsAsync(InProcessChangeNotifier notifier, int count)
    {
        while (notifier.FanOuts.Recent.Count < count)
        {
            await Task.Delay(10, Cancel);
        }
    }
}
