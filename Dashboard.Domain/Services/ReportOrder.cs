using System.Linq.Expressions;

namespace Dashboard.Domain.Services;

/// <summary>The parts of the board report's two status tables, in the order the report prints them.</summary>
public enum ReportSection
{
    /// <summary>"Live shared services": the councils' own shared services (and wider partnerships).</summary>
    LiveServices = 0,

    /// <summary>The same table's sub-heading "WETT services received" and the services received under it.</summary>
    WettServicesReceived = 1,

    /// <summary>"Shared services projects underway".</summary>
    ProjectsUnderway = 2,
}

/// <summary>Where one service sits: enough to sort it and to move it within its section.</summary>
public sealed record ServicePlace(int Id, ServicePhase Phase, ServiceArrangement Arrangement, int Order)
{
    public ReportSection Section => ReportOrder.SectionOf(Phase, Arrangement);
}

public enum MoveDirection
{
    Up,
    Down,
}

/// <summary>A move done: every service of the section with its new order, and where the moved one now stands (1-based).</summary>
public sealed record ServiceMove(IReadOnlyDictionary<int, int> NewOrders, ReportSection Section, int Position, int Count);

/// <summary>
/// The order of the board report (progress report of 9 December 2010, section 15): the live table lists the
/// councils' own shared services in the order the administrator sets, then under the sub-heading "WETT services
/// received" the services received from other councils; the projects table follows in its own set order.
/// Every screen that lists services sorts them this way.
/// </summary>
public static class ReportOrder
{
    /// <summary>The sub-heading of the live table over the services received, as the report prints it (not a service).</summary>
    public const string WettHeading = "WETT services received";

    public static ReportSection SectionOf(ServicePhase phase, ServiceArrangement arrangement) =>
        phase == ServicePhase.ProjectUnderway ? ReportSection.ProjectsUnderway
        : arrangement == ServiceArrangement.WettReceived ? ReportSection.WettServicesReceived
        : ReportSection.LiveServices;

    public static string TitleOf(ReportSection section) => section switch
    {
        ReportSection.LiveServices => "Live shared services",
        ReportSection.WettServicesReceived => WettHeading,
        _ => "Shared services projects underway",
    };

    /// <summary>The same as <see cref="SectionOf"/>, as a query the database can sort by.</summary>
    public static Expression<Func<SharedService, int>> SectionRank { get; } = s =>
        s.Phase == ServicePhase.ProjectUnderway ? (int)ReportSection.ProjectsUnderway
        : s.Arrangement == ServiceArrangement.WettReceived ? (int)ReportSection.WettServicesReceived
        : (int)ReportSection.LiveServices;

    /// <summary>Sorts services as the report lists them: by section, then the order set, then as they were set up.</summary>
    public static IOrderedQueryable<SharedService> InReportOrder(this IQueryable<SharedService> services) =>
        services.OrderBy(SectionRank).ThenBy(s => s.Order).ThenBy(s => s.Id);

    /// <summary>The same order for places already in memory.</summary>
    public static IOrderedEnumerable<ServicePlace> InReportOrder(this IEnumerable<ServicePlace> places) =>
        places.OrderBy(p => p.Section).ThenBy(p => p.Order).ThenBy(p => p.Id);

    /// <summary>The order that puts a new (or restored, or re-sectioned) service at the end of its section.</summary>
    public static int NextOrder(IEnumerable<int> orders) => orders.DefaultIfEmpty(0).Max() + 1;

    /// <summary>
    /// Moves one service a place up or down among the services of its own section (archived ones are not passed in).
    /// The section is renumbered 1…n, so services that had never been ordered (all equal) move as they appear.
    /// </summary>
    /// <returns>The new orders, or why it cannot move ("already first in …", to follow the service's name and "is").</returns>
    public static (ServiceMove? Move, string? Problem) Move(IEnumerable<ServicePlace> services, int id, MoveDirection direction)
    {
        var all = services.ToList();
        if (all.FirstOrDefault(s => s.Id == id) is not { } moving)
        {
            return (null, "not in the list: it may have been archived meanwhile");
        }

        var section = all.Where(s => s.Section == moving.Section).InReportOrder().ToList();
        var from = section.FindIndex(s => s.Id == id);
        var to = direction == MoveDirection.Up ? from - 1 : from + 1;
        if (to < 0)
        {
            return (null, $"already first in {TitleOf(moving.Section)}");
        }

        if (to >= section.Count)
        {
            return (null, $"already last in {TitleOf(moving.Section)}");
        }

        (section[from], section[to]) = (section[to], section[from]);
        var orders = section.Select((s, i) => (s.Id, Order: i + 1)).ToDictionary(s => s.Id, s => s.Order);
        return (new ServiceMove(orders, moving.Section, to + 1, section.Count), null);
    }
}
