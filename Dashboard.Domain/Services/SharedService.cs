using Dashboard.Domain.Organisation;

namespace Dashboard.Domain.Services;

public enum ServicePhase
{
    /// <summary>Shown in the "Shared services projects underway" table, reported by highlight reports.</summary>
    ProjectUnderway = 1,

    /// <summary>Shown in the "Live shared services" table, reported by benefits realisation.</summary>
    Live = 2,
}

public enum ServiceArrangement
{
    /// <summary>Shared between Bromsgrove and Redditch.</summary>
    BetweenTheCouncils = 1,

    /// <summary>Received from another Worcestershire council under the WETT programme.</summary>
    WettReceived = 2,

    /// <summary>Shared with other councils in North Worcestershire or beyond.</summary>
    WiderPartnership = 3,
}

/// <summary>A shared service, from project to live service.</summary>
public sealed class SharedService : IVersioned
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public ServicePhase Phase { get; set; }

    public ServiceArrangement Arrangement { get; set; }

    /// <summary>The council that hosts (employs the staff of) the service, where one does.</summary>
    public int? HostCouncilId { get; set; }

    public Council? HostCouncil { get; set; }

    /// <summary>Who provides a service the councils receive, e.g. "Worcester City Council" (not one of the councils).</summary>
    public string? ProviderName { get; set; }

    /// <summary>The manager who keeps this service's status card up to date.</summary>
    public int OwnerId { get; set; }

    public Person? Owner { get; set; }

    /// <summary>The director responsible for the service, named beside it for the board.</summary>
    public int? DirectorId { get; set; }

    public Person? Director { get; set; }

    /// <summary>
    /// Where the administrator placed it within its table of the board report (see <see cref="ReportOrder"/>);
    /// ties, e.g. services that were never moved, fall back to the order they were set up in.
    /// </summary>
    public int Order { get; set; }

    /// <summary>
    /// The reporting date on which an administrator archived it: from then it is out of the board's tables (and packs
    /// of later meetings), reminders and card editing, while its cards, highlight reports, risks and indicators stay
    /// readable. Null while in use.
    /// </summary>
    public DateOnly? ArchivedOn { get; set; }

    public bool IsArchived => ArchivedOn is not null;

    public Guid Version { get; set; }

    public DateOnly? ProjectStartDate { get; set; }

    /// <summary>Planned go-live for a project; actual go-live once <see cref="Phase"/> is Live.</summary>
    public DateOnly? GoLiveDate { get; set; }

    public List<StatusUpdate> StatusUpdates { get; set; } = [];
}
