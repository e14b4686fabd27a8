using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;

namespace Dashboard.Tests.Domain;

public class PersonLookupTests
{
    private static readonly NamedPerson[] People =
    [
        new(1, "Alex Morgan", "alex.morgan@bdc.example", true),
        new(2, "Sue Marsh", "sue.marsh@bdc.example", false),
        new(3, "Jo Bloggs", "jo.bloggs@bdc.example", true),
        new(4, "Jo Bloggs", "jo.bloggs@rbc.example", true),
        new(-5, "Ann Other", "ann.other@rbc.example", true),
    ];

    [Theory]
    [InlineData("alex morgan", 1)]
    [InlineData("ALEX.MORGAN@bdc.example", 1)]
    [InlineData("jo.bloggs@rbc.example", 4)]
    [InlineData("Ann Other", -5)]
    public void A_person_is_found_by_name_or_email_in_any_case(string text, int id) =>
        Assert.Equal((id, (string?)null), PersonLookup.Find(text, People, "owner", mayBeBlank: true));

    [Theory]
    [InlineData("Sue Marsh", true, null, "“Sue Marsh” has been deactivated: name an active person as owner, or leave the cell blank.")]
    [InlineData("Sue Marsh", false, 2, null)]
    [InlineData("Jo Bloggs", false, null, "More than one person is called “Jo Bloggs”: give their email address instead.")]
    [InlineData("Jo Nobody", false, null, "No one called “Jo Nobody” is in the dashboard's list of people. Use a name as the dashboard shows it, or their email address.")]
    [InlineData("jo@nowhere.example", false, null, "No one with the email address jo@nowhere.example is in the dashboard's list of people. Add them first, or name someone who is there.")]
    public void A_cell_that_names_no_one_usable_says_why(string text, bool mayBeBlank, int? keeping, string? problem)
    {
        var (id, said) = PersonLookup.Find(text, People, "owner", mayBeBlank, keeping);

        Assert.Equal(problem, said);
        Assert.Equal(problem is null ? keeping : null, id);
    }

    [Theory]
    [InlineData("Service manager; report owner", new[] { Roles.ServiceManager, Roles.ReportOwner }, null)]
    [InlineData("Report owner, Administrator", new[] { Roles.Administrator, Roles.ReportOwner }, null)]
    [InlineData("", new string[0], null)]
    [InlineData("Board member, Manager", new string[0], "Manager")]
    public void Roles_are_read_from_a_cell_in_the_dashboards_order(string text, string[] roles, string? notARole)
    {
        var read = Roles.Parse(text);

        Assert.Equal(roles, read.Roles);
        Assert.Equal(notARole, read.NotARole);
    }

    [Theory]
    [InlineData("Live", ServicePhase.Live)]
    [InlineData("project underway", ServicePhase.ProjectUnderway)]
    [InlineData("Pilot", null)]
    public void A_services_table_is_read_from_its_label_or_a_shorter_word(string text, ServicePhase? phase) =>
        Assert.Equal(phase, ServiceWords.ParsePhase(text));

    [Theory]
    [InlineData("WETT", ServiceArrangement.WettReceived)]
    [InlineData("Shared between the councils", ServiceArrangement.BetweenTheCouncils)]
    [InlineData("wider partnership", ServiceArrangement.WiderPartnership)]
    [InlineData("Outsourced", null)]
    public void An_arrangement_is_read_from_its_label_or_a_shorter_word(string text, ServiceArrangement? arrangement) =>
        Assert.Equal(arrangement, ServiceWords.ParseArrangement(text));

    [Theory]
    [InlineData("bdc", "BDC")]
    [InlineData("Redditch Borough Council", "RBC")]
    [InlineData("WCC", null)]
    public void A_council_is_named_by_its_code_or_its_name(string text, string? code)
    {
        Council[] councils = [new() { Id = 1, Code = "BDC", Name = "Bromsgrove District Council" }, new() { Id = 2, Code = "RBC", Name = "Redditch Borough Council" }];

        Assert.Equal(code, Council.Named(text, councils)?.Code);
    }
}
