namespace Dashboard.Live;

/// <summary>What kind of thing changed, so a screen can ignore changes it does not show.</summary>
public enum ChangeArea
{
    Services = 1,
    StatusCards = 2,
    HighlightReports = 3,
    Benefits = 4,
    Risks = 5,
    Issues = 6,
    PerformanceValues = 7,
    PerformanceCatalogue = 8,
    Savings = 9,
    People = 10,
    Meetings = 11,
    RiskRegisters = 12,
}

/// <summary>A saved change, announced after its transaction committed.</summary>
/// <param name="Area">The kind of thing that changed.</param>
/// <param name="EntityId">The changed row's id (service id for cards, risk id for risks, …), when there is one.</param>
/// <param name="Summary">A short sentence a board member can read, e.g. "ICT status set to Amber".</param>
public sealed record DashboardChange(ChangeArea Area, int? EntityId, string Summary);

/// <summary>
/// Tells every open dashboard that something changed. In-process today; a backplane (PostgreSQL
/// LISTEN/NOTIFY) can replace the implementation so changes cross servers.
/// </summary>
public interface IChangeNotifier
{
    /// <summary>Announce a committed change to every subscriber. Never throws because a subscriber failed.</summary>
    void Publish(DashboardChange change);

    /// <summary>Subscribe; dispose the result to unsubscribe (components do so when their circuit ends).</summary>
    IDisposable Subscribe(Func<DashboardChange, Task> onChange);

    /// <summary>How many subscriptions are live, for leak checks.</summary>
    int SubscriberCount { get; }

    /// <summary>
    /// How many changes this server has heard. It moves before subscribers hear a change, so data read while it
    /// stood at a value is the latest a screen can want until it moves again (what shared read caches key on).
    /// </summary>
    long Version { get; }
}
