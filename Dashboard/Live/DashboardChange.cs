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
    Rollups = 13,
}

/// <summary>
/// What a change belongs to beyond its own row: the risk register, the service or the indicator. Unset means not
/// known or not one (an import of many rows), which every screen of the area hears.
/// </summary>
public readonly record struct ChangeScope(int? RegisterId = null, int? ServiceId = null, int? IndicatorId = null)
{
    public static ChangeScope Register(int id) => new(RegisterId: id);

    public static ChangeScope Service(int id) => new(ServiceId: id);

    public static ChangeScope Indicator(int id) => new(IndicatorId: id);

    /// <summary>Whether a screen showing this scope (unset parts: anything) must hear a change of <paramref name="change"/>'s scope.</summary>
    public bool Covers(ChangeScope change) =>
        Agrees(RegisterId, change.RegisterId) && Agrees(ServiceId, change.ServiceId) && Agrees(IndicatorId, change.IndicatorId);

    private static bool Agrees(int? shown, int? changed) => shown is null || changed is null || shown == changed;
}

/// <summary>A saved change, announced after its transaction committed.</summary>
/// <param name="Area">The kind of thing that changed.</param>
/// <param name="EntityId">The changed row's id (service id for cards, risk id for risks, …), when there is one.</param>
/// <param name="Summary">A short sentence a board member can read, e.g. "ICT status set to Amber".</param>
public sealed record DashboardChange(ChangeArea Area, int? EntityId, string Summary)
{
    /// <summary>The register, service or indicator the change belongs to.</summary>
    public ChangeScope Scope { get; init; }

    /// <summary>
    /// Not one change but "anything may have changed": every screen refreshes once, whatever it shows (after this
    /// server lost changes, e.g. while its PostgreSQL channel was down).
    /// </summary>
    public bool Everything { get; init; }

    public static DashboardChange Resync(string summary) => new(default, null, summary) { Everything = true };
}

/// <summary>What a subscriber shows: the areas, and within them the scope (default: all of each area).</summary>
public sealed record ChangeInterest(IReadOnlyCollection<ChangeArea> Areas, ChangeScope Scope = default)
{
    /// <summary>Whether a subscriber with this interest hears <paramref name="change"/>.</summary>
    public bool Hears(DashboardChange change) => change.Everything || (Areas.Contains(change.Area) && Scope.Covers(change.Scope));
}

/// <summary>
/// Tells every open dashboard that something changed. In-process on one server; <see cref="PostgresChangeNotifier"/>
/// carries changes between servers through PostgreSQL LISTEN/NOTIFY.
/// </summary>
public interface IChangeNotifier
{
    /// <summary>Announce a committed change to the subscribers that show it. Never throws because a subscriber failed.</summary>
    void Publish(DashboardChange change);

    /// <summary>
    /// Subscribe to the changes of <paramref name="interest"/> (null: every change); a change outside it costs this
    /// subscriber nothing. Dispose the result to unsubscribe (components do so when their circuit ends).
    /// </summary>
    IDisposable Subscribe(Func<DashboardChange, Task> onChange, ChangeInterest? interest = null);

    /// <summary>How many subscriptions are live, for leak checks.</summary>
    int SubscriberCount { get; }

    /// <summary>
    /// How many changes this server has heard. It moves before subscribers hear a change, so data read while it
    /// stood at a value is the latest a screen can want until it moves again (what shared read caches key on).
    /// </summary>
    long Version { get; }
}
