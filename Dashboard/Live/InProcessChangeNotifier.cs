namespace Dashboard.Live;

/// <summary>
/// Subscriptions kept in a list under a short lock (as eShop's order-status notifier does); each
/// subscription removes itself when disposed, so a closed circuit leaves nothing behind.
/// </summary>
public sealed class InProcessChangeNotifier(ILogger<InProcessChangeNotifier> logger) : IChangeNotifier
{
    private readonly Lock gate = new();
    private readonly List<Subscription> subscriptions = [];

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
        Subscription[] current;
        lock (gate)
        {
            current = [.. subscriptions];
        }

        foreach (var subscription in current)
        {
            _ = NotifyAsync(subscription, change);
        }
    }

    private async Task NotifyAsync(Subscription subscription, DashboardChange change)
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
