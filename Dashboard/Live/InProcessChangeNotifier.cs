using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Dashboard.Live;

/// <summary>
/// Subscriptions kept by area under a short lock, each removing itself when disposed, so a closed circuit leaves
/// nothing behind and a change reaches only the subscribers that show its area and scope. Subscribers hear a change
/// from a small pool of workers (one per core, at least two), never on the publisher's thread: a refresh is mostly
/// CPU (a circuit re-rendering), so N refreshes started at once only share the cores and all finish late, while a
/// queue drained in order finishes the first screens first. Each subscriber hears its changes one at a time, in the
/// order they were published.
/// </summary>
public sealed class InProcessChangeNotifier : IChangeNotifier, IDisposable
{
    private readonly ILogger<InProcessChangeNotifier> logger;
    private readonly Lock gate = new();
    private readonly List<Subscription> all = [];
    private readonly Dictionary<ChangeArea, List<Subscription>> byArea = [];
    private readonly Channel<Subscription> queue = Channel.CreateUnbounded<Subscription>(new() { SingleWriter = false, SingleReader = false });

    private long version;

    public InProcessChangeNotifier(ILogger<InProcessChangeNotifier> logger)
    {
        this.logger = logger;
        for (var i = 0; i < Workers; i++)
        {
            // Unsafe (no ExecutionContext flow): a dashboard's refresh must not run in whichever request started the pool.
            ThreadPool.UnsafeQueueUserWorkItem(static owner => _ = owner.DrainAsync(), this, preferLocal: false);
        }
    }

    /// <summary>How many refreshes run at once.</summary>
    public static int Workers { get; } = Math.Max(2, Environment.ProcessorCount);

    public int SubscriberCount
    {
        get
        {
            lock (gate)
            {
                return all.Count;
            }
        }
    }

    public long Version => Interlocked.Read(ref version);

    /// <summary>How long recent changes took to reach every subscriber.</summary>
    public FanOutLog FanOuts { get; } = new();

    public IDisposable Subscribe(Func<DashboardChange, Task> onChange, ChangeInterest? interest = null)
    {
        var subscription = new Subscription(this, onChange, interest);
        lock (gate)
        {
            all.Add(subscription);
            foreach (var area in interest?.Areas ?? [])
            {
                if (!byArea.TryGetValue(area, out var list))
                {
                    byArea[area] = list = [];
                }

                list.Add(subscription);
            }
        }

        return subscription;
    }

    public void Publish(DashboardChange change)
    {
        Interlocked.Increment(ref version);
        List<Subscription> hearing;
        lock (gate)
        {
            hearing = change.Everything
                ? [.. all]
                : [.. all.Where(s => s.Interest is null), .. byArea.GetValueOrDefault(change.Area)?.Where(s => s.Interest!.Scope.Covers(change.Scope)) ?? []];
        }

        // Queued, not called: a circuit's dispatcher runs work inline when it is free, and SQLite's I/O is
        // synchronous, so a direct call made the save wait while every open dashboard reloaded.
        var trip = FanOuts.Start(change, hearing.Count);
        foreach (var subscription in hearing)
        {
            subscription.Pending.Enqueue((change, trip));
            Schedule(subscription);
        }
    }

    // A subscription is in the queue at most once; whichever worker takes it hears all it has pending, in order.
    private void Schedule(Subscription subscription)
    {
        if (!subscription.Pending.IsEmpty && Interlocked.CompareExchange(ref subscription.Scheduled, 1, 0) == 0)
        {
            queue.Writer.TryWrite(subscription);
        }
    }

    private async Task DrainAsync()
    {
        await foreach (var subscription in queue.Reader.ReadAllAsync())
        {
            while (subscription.Pending.TryDequeue(out var next))
            {
                var (change, trip) = next;
                try
                {
                    await subscription.OnChange(change);
                }
                catch (Exception e)
                {
                    // One broken dashboard must not stop the others hearing about the change.
                    logger.LogWarning(e, "A dashboard failed to refresh after {Area} change: {Summary}", change.Area, change.Summary);
                }
                finally
                {
                    trip.Done();
                }
            }

            Volatile.Write(ref subscription.Scheduled, 0);

            // A change that arrived after the last look but before the flag was cleared.
            Schedule(subscription);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (gate)
        {
            all.Remove(subscription);
            foreach (var area in subscription.Interest?.Areas ?? [])
            {
                byArea[area].Remove(subscription);
            }
        }
    }

    public void Dispose() => queue.Writer.TryComplete();

    private sealed class Subscription(InProcessChangeNotifier owner, Func<DashboardChange, Task> onChange, ChangeInterest? interest) : IDisposable
    {
        private int disposed;

        /// <summary>1 while the subscription waits in the queue or a worker is draining it.</summary>
        public int Scheduled;

        public ConcurrentQueue<(DashboardChange Change, FanOutLog.Trip Trip)> Pending { get; } = new();

        public Func<DashboardChange, Task> OnChange { get; } = onChange;

        public ChangeInterest? Interest { get; } = interest;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }
}
