using Dashboard.Data;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Live;

/// <summary>Screens showing the same view share one read until a change is announced; a failed read is not kept.</summary>
public sealed class SharedReadsTests
{
    private readonly InProcessChangeNotifier notifier = new(NullLogger<InProcessChangeNotifier>.Instance);
    private readonly SharedReads reads;

    public SharedReadsTests()
    {
        // The views here never touch the database, so the file is never created.
        var services = new ServiceCollection()
            .AddSingleton(DashboardDatabase.Sqlite(new DatabaseFile(Support.TestDatabase.NewTemporaryPath())).ContextFactory())
            .BuildServiceProvider();
        reads = new SharedReads(services.GetRequiredService<IServiceScopeFactory>(), notifier);
    }

    /// <summary>Counts its reads; the records are equal when their names are, so two screens asking for "a" share.</summary>
    private sealed record CountedView(string Name, Counter Reads, bool Fails = false) : ISharedView<Snapshot>
    {
        public Task<Snapshot> ReadAsync(DashboardDbContext db, IServiceProvider services)
        {
            var read = Reads.Next();
            return Fails && read == 1
                ? Task.FromException<Snapshot>(new InvalidOperationException("The database was unreachable."))
                : Task.FromResult(new Snapshot(Name, read));
        }
    }

    private sealed record Snapshot(string Name, int Read);

    private sealed class Counter
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public int Next() => Interlocked.Increment(ref count);
    }

    [Fact]
    public async Task Two_screens_asking_before_a_change_share_one_read_and_one_snapshot()
    {
        var counter = new Counter();

        var first = await reads.GetAsync(new CountedView("a", counter));
        var second = await reads.GetAsync(new CountedView("a", counter));

        Assert.Same(first, second);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task A_change_announced_means_the_next_screen_gets_a_new_read()
    {
        var counter = new Counter();
        var before = await reads.GetAsync(new CountedView("a", counter));

        notifier.Publish(new DashboardChange(ChangeArea.Risks, 8, "Risk 8 closed"));
        var after = await reads.GetAsync(new CountedView("a", counter));

        Assert.NotSame(before, after);
        Assert.Equal(2, after.Read);
        Assert.Same(after, await reads.GetAsync(new CountedView("a", counter)));
    }

    [Fact]
    public async Task Different_views_are_read_separately()
    {
        var counter = new Counter();

        var a = await reads.GetAsync(new CountedView("a", counter));
        var b = await reads.GetAsync(new CountedView("b", counter));

        Assert.Equal(("a", "b"), (a.Name, b.Name));
        Assert.Equal(2, counter.Count);
    }

    [Fact]
    public async Task A_failed_read_is_tried_again_by_the_next_screen()
    {
        var counter = new Counter();
        var view = new CountedView("a", counter, Fails: true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => reads.GetAsync(view));
        var retried = await reads.GetAsync(view);

        Assert.Equal(2, retried.Read);
        Assert.Same(retried, await reads.GetAsync(view));
    }

    [Fact]
    public async Task A_screen_that_has_just_saved_reads_afresh_and_others_then_share_its_read()
    {
        var counter = new Counter();
        var before = await reads.GetAsync(new CountedView("a", counter));

        var refreshed = await reads.RefreshAsync(new CountedView("a", counter));

        Assert.NotSame(before, refreshed);
        Assert.Same(refreshed, await reads.GetAsync(new CountedView("a", counter)));
    }
}
