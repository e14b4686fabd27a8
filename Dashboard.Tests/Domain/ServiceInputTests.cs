using Dashboard.Domain.Services;

namespace Dashboard.Tests.Domain;

public sealed class ServiceInputTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly ServiceChoices Choices = new(["Community Safety", "ICT "], new HashSet<int> { 1, 2 }, new HashSet<int> { 10, 20 });

    private static ServiceInput Live() => new()
    {
        Name = "Elections",
        Phase = ServicePhase.Live,
        Arrangement = ServiceArrangement.BetweenTheCouncils,
        HostCouncilId = 10,
        OwnerId = 1,
    };

    private static ServiceInput Project() => new()
    {
        Name = "HR & OD",
        Phase = ServicePhase.ProjectUnderway,
        Arrangement = ServiceArrangement.BetweenTheCouncils,
        OwnerId = 2,
        ProjectStartDate = new DateOnly(2026, 4, 1),
        GoLiveDate = new DateOnly(2027, 4, 1),
    };

    [Fact]
    public void A_complete_live_service_and_project_are_accepted()
    {
        Assert.Empty(Live().Validate(Choices, Today));
        Assert.Empty(Project().Validate(Choices, Today));
        Assert.Empty((Live() with { Arrangement = ServiceArrangement.WettReceived, HostCouncilId = null, ProviderName = "Worcester City Council" }).Validate(Choices, Today));
    }

    [Fact]
    public void Nothing_filled_in_names_every_required_field()
    {
        var errors = new ServiceInput().Validate(Choices, Today);

        Assert.Equal("Give the service or project its name, as the board report writes it.", errors["Name"]);
        Assert.Equal("Choose whether this is a live service or a project underway.", errors["Phase"]);
        Assert.Equal("Choose how the service is shared.", errors["Arrangement"]);
        Assert.Equal("Choose the manager who keeps its status card up to date.", errors["OwnerId"]);
    }

    [Fact]
    public void A_name_is_unique_ignoring_case_and_spaces()
    {
        Assert.Equal("There is already a service or project called ICT: choose another name.", (Live() with { Name = "  ict" }).Validate(Choices, Today)["Name"]);
        Assert.Equal("Keep the name to 200 characters.", (Live() with { Name = new string('x', 201) }).Validate(Choices, Today)["Name"]);
    }

    [Fact]
    public void A_service_received_names_its_provider_and_is_hosted_by_none_of_ours()
    {
        var errors = (Live() with { Arrangement = ServiceArrangement.WettReceived, ProviderName = " " }).Validate(Choices, Today);

        Assert.Equal("Say which council provides it, e.g. Worcester City Council.", errors["ProviderName"]);
        Assert.Equal("A service received from another council is not hosted by one of ours: clear the hosting council.", errors["HostCouncilId"]);
    }

    [Fact]
    public void A_service_shared_between_the_councils_has_no_provider_and_a_partnership_not_both()
    {
        Assert.StartsWith("A service shared between the councils is not received from a provider",
            (Live() with { ProviderName = "Wyre Forest District Council" }).Validate(Choices, Today)["ProviderName"], StringComparison.Ordinal);
        Assert.Equal("Give either the hosting council or the provider it is received from, not both.",
            (Live() with { Arrangement = ServiceArrangement.WiderPartnership, ProviderName = "Wyre Forest District Council" }).Validate(Choices, Today)["ProviderName"]);
        Assert.Empty((Live() with { Arrangement = ServiceArrangement.WiderPartnership, HostCouncilId = null, ProviderName = "Wyre Forest District Council" }).Validate(Choices, Today));
        Assert.Equal("Choose one of the councils, or none.", (Live() with { HostCouncilId = 99 }).Validate(Choices, Today)["HostCouncilId"]);
    }

    [Fact]
    public void Owner_and_director_are_active_people()
    {
        var errors = (Live() with { OwnerId = 3, DirectorId = 4 }).Validate(Choices, Today);

        Assert.Equal("That person has been deactivated or is not in the dashboard: choose an active person.", errors["OwnerId"]);
        Assert.StartsWith("That person has been deactivated", errors["DirectorId"], StringComparison.Ordinal);
        Assert.Empty((Live() with { DirectorId = 2 }).Validate(Choices, Today));
    }

    [Fact]
    public void A_project_starts_and_goes_live_on_or_after_its_start()
    {
        Assert.Equal("Give the date the project started.", (Project() with { ProjectStartDate = null }).Validate(Choices, Today)["ProjectStartDate"]);
        Assert.Equal("The expected go-live cannot be before the project started (1 April 2026).",
            (Project() with { GoLiveDate = new DateOnly(2026, 3, 31) }).Validate(Choices, Today)["GoLiveDate"]);
        Assert.Empty((Project() with { GoLiveDate = new DateOnly(2026, 4, 1) }).Validate(Choices, Today));
        Assert.Empty((Project() with { GoLiveDate = null }).Validate(Choices, Today));
    }

    [Fact]
    public void A_live_service_cannot_have_gone_live_in_the_future()
    {
        Assert.Equal("A live service cannot go live in the future: set it up as a project underway until then.",
            (Live() with { GoLiveDate = Today.AddDays(1) }).Validate(Choices, Today)["GoLiveDate"]);
        Assert.Empty((Live() with { GoLiveDate = Today }).Validate(Choices, Today));
    }

    [Fact]
    public void Applying_trims_and_leaves_empty_text_out()
    {
        var service = new SharedService { Name = "" };

        (Live() with { Name = "  Elections ", Description = "  ", Arrangement = ServiceArrangement.WiderPartnership, ProviderName = " " }).ApplyTo(service);

        Assert.Equal("Elections", service.Name);
        Assert.Null(service.Description);
        Assert.Null(service.ProviderName);
        Assert.Equal(((int?)10, 1), (service.HostCouncilId, service.OwnerId));
    }
}
