using System.Globalization;

namespace Dashboard.Domain.Services;

/// <summary>What the checks of a service need to know about the rest of the dashboard.</summary>
/// <param name="OtherNames">The names of every other service and project, archived ones included: a name means one service.</param>
/// <param name="ActivePeople">The people who may own or direct a service (not deactivated).</param>
/// <param name="Councils">The councils that can host a service.</param>
public sealed record ServiceChoices(IReadOnlyCollection<string> OtherNames, IReadOnlySet<int> ActivePeople, IReadOnlySet<int> Councils);

/// <summary>An administrator's shared service or project, as typed in; checked before anything is saved.</summary>
public sealed record ServiceInput
{
    public const int NameMaxLength = 200;

    public const int ProviderMaxLength = 200;

    public const int DescriptionMaxLength = 2000;

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public string? Name { get; set; }

    public ServicePhase? Phase { get; set; }

    public ServiceArrangement? Arrangement { get; set; }

    /// <summary>The council that hosts it (employs its staff), if one of ours does.</summary>
    public int? HostCouncilId { get; set; }

    /// <summary>Who it is received from, when another council provides it.</summary>
    public string? ProviderName { get; set; }

    public int? OwnerId { get; set; }

    public int? DirectorId { get; set; }

    public string? Description { get; set; }

    /// <summary>When the project started (projects only).</summary>
    public DateOnly? ProjectStartDate { get; set; }

    /// <summary>For a project, its expected go-live; for a live service, the day it went live.</summary>
    public DateOnly? GoLiveDate { get; set; }

    public static ServiceInput From(SharedService service) => new()
    {
        Name = service.Name,
        Phase = service.Phase,
        Arrangement = service.Arrangement,
        HostCouncilId = service.HostCouncilId,
        ProviderName = service.ProviderName,
        OwnerId = service.OwnerId,
        DirectorId = service.DirectorId,
        Description = service.Description,
        ProjectStartDate = service.ProjectStartDate,
        GoLiveDate = service.GoLiveDate,
    };

    /// <summary>Plain-English problems keyed by field name; empty when the service can be saved.</summary>
    /// <param name="choices">The other services' names, the active people and the councils.</param>
    /// <param name="today">The reporting date: a live service cannot have gone live after it.</param>
    public IReadOnlyDictionary<string, string> Validate(ServiceChoices choices, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors[nameof(Name)] = "Give the service or project its name, as the board report writes it.";
        }
        else if (name.Length > NameMaxLength)
        {
            errors[nameof(Name)] = $"Keep the name to {NameMaxLength} characters.";
        }
        else if (choices.OtherNames.FirstOrDefault(n => string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase)) is { } taken)
        {
            errors[nameof(Name)] = $"There is already a service or project called {taken.Trim()}: choose another name.";
        }

        if (Phase is not { } phase || !Enum.IsDefined(phase))
        {
            errors[nameof(Phase)] = "Choose whether this is a live service or a project underway.";
        }

        CheckArrangement(choices, errors);
        CheckPeople(choices, errors);

        if (Description?.Trim().Length > DescriptionMaxLength)
        {
            errors[nameof(Description)] = $"Keep the description to {DescriptionMaxLength:N0} characters.";
        }

        if (Phase == ServicePhase.ProjectUnderway)
        {
            if (ProjectStartDate is null)
            {
                errors[nameof(ProjectStartDate)] = "Give the date the project started.";
            }
            else if (GoLiveDate is { } expected && expected < ProjectStartDate)
            {
                errors[nameof(GoLiveDate)] = $"The expected go-live cannot be before the project started ({ProjectStartDate.Value.ToString("d MMMM yyyy", Uk)}).";
            }
        }
        else if (Phase == ServicePhase.Live && GoLiveDate is { } live)
        {
            if (live > today)
            {
                errors[nameof(GoLiveDate)] = "A live service cannot go live in the future: set it up as a project underway until then.";
            }
            else if (ProjectStartDate is { } start && live < start)
            {
                errors[nameof(GoLiveDate)] = $"The go-live date cannot be before the project started ({start.ToString("d MMMM yyyy", Uk)}).";
            }
        }

        return errors;
    }

    private void CheckArrangement(ServiceChoices choices, Dictionary<string, string> errors)
    {
        var provider = ProviderName?.Trim();
        var hasProvider = !string.IsNullOrEmpty(provider);
        if (HostCouncilId is { } host && !choices.Councils.Contains(host))
        {
            errors[nameof(HostCouncilId)] = "Choose one of the councils, or none.";
        }

        if (Arrangement is not { } arrangement || !Enum.IsDefined(arrangement))
        {
            errors[nameof(Arrangement)] = "Choose how the service is shared.";
        }
        else if (arrangement == ServiceArrangement.BetweenTheCouncils && hasProvider)
        {
            errors[nameof(ProviderName)] = "A service shared between the councils is not received from a provider: clear this, or choose another arrangement.";
        }
        else if (arrangement == ServiceArrangement.WettReceived)
        {
            if (!hasProvider)
            {
                errors[nameof(ProviderName)] = "Say which council provides it, e.g. Worcester City Council.";
            }

            if (HostCouncilId is not null)
            {
                errors[nameof(HostCouncilId)] = "A service received from another council is not hosted by one of ours: clear the hosting council.";
            }
        }
        else if (arrangement == ServiceArrangement.WiderPartnership && HostCouncilId is not null && hasProvider)
        {
            errors[nameof(ProviderName)] = "Give either the hosting council or the provider it is received from, not both.";
        }

        if (provider?.Length > ProviderMaxLength)
        {
            errors[nameof(ProviderName)] = $"Keep the provider's name to {ProviderMaxLength} characters.";
        }
    }

    private void CheckPeople(ServiceChoices choices, Dictionary<string, string> errors)
    {
        if (OwnerId is not { } owner)
        {
            errors[nameof(OwnerId)] = "Choose the manager who keeps its status card up to date.";
        }
        else if (!choices.ActivePeople.Contains(owner))
        {
            errors[nameof(OwnerId)] = "That person has been deactivated or is not in the dashboard: choose an active person.";
        }

        if (DirectorId is { } director && !choices.ActivePeople.Contains(director))
        {
            errors[nameof(DirectorId)] = "That person has been deactivated or is not in the dashboard: choose an active person, or none.";
        }
    }

    /// <summary>Copies the input onto the service; call only once <see cref="Validate"/> has found nothing.</summary>
    public void ApplyTo(SharedService service)
    {
        var provider = ProviderName?.Trim();
        service.Name = Name!.Trim();
        service.Phase = Phase!.Value;
        service.Arrangement = Arrangement!.Value;
        service.HostCouncilId = HostCouncilId;
        service.ProviderName = string.IsNullOrEmpty(provider) ? null : provider;
        service.OwnerId = OwnerId!.Value;
        service.DirectorId = DirectorId;
        service.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        service.ProjectStartDate = ProjectStartDate;
        service.GoLiveDate = GoLiveDate;
    }
}
