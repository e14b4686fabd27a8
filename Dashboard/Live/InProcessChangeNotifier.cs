namespace Dashboard.Live;

/// <summary>
/// Subscriptions kept in a list under a short lock (as eShop's order-status notifier does); each
/// subscription removes itself when disposed, so a closed circuit leaves nothing behind. Each subscriber
/// hears a change on a thread-pool thread of its own, never on the publisher's.
/// </summary>
public sealed class InProcessChangeNotifier(ILogger<InProcessChangeNotifier> logger) : IChangeNotifier
{
    private readonly Lock gate = new();
    private readonly List<Subscription> subscriptions = [];
    private long version;

    public int SubscriberCount
    {
        get
        {
            lock (gate)
            {
                return subscriptions.Count;
            }
        }
    }

    public long Version => Interlocked.Read(ref version);

    /// <summary>How long recent changes took to reach every subscriber.</summary>
    public FanOutLog FanOuts { get; } = new();

    public IDisposable Subscribe(Func<DashboardChange, Task> onChange)
    {
        var subscription = new Subscription(this, onChange);
        lock (gate)
        {
            subscriptions.Add(subscription);
        }

        return subscription;
    }

    public void Publish(DashboardChange change)
    {
        Interlocked.Increment(ref version);
        Subscription[] current;
        lock (gate)
        {
            current = [.. subscriptions];
        }

        // Queued, not called: a circuit's dispatcher runs work inline when it is free, and SQLite's I/O is
        // synchronous, so a direct call made the save wait while every open dashboard reloaded. Unsafe (no
        // ExecutionContext flow) because a dashboard's refresh must not run in the saver's request context.
        var trip = FanOuts.Start(change, current.Length);
        foreach (var subscription in current)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Owner.NotifyAsync(state.Subscription, state.Change, state.Trip), (Owner: this, Subscription: subscription, Change: change, Trip: trip), preferLocal: false);
        }
    }

    private async Task NotifyAsync(Subscription subscription, DashboardChange change, FanOutLog.Trip trip)
    {
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

    private void Remove(Subscription subscription)
    {
        lock (gate)
        {
            subscriptions.Remove(subscription);
        }
    }

    private sealed class Subscription(InProcessChangeNotifier owner, Func<DashboardChange, Task> onChange) : IDisposable
    {
        public Func<DashboardChange, Task> OnChange { get; } = onChange;

        public void Dispose() => owner.Remove(this);
    }
}
