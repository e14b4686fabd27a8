using Dashboard.Domain.Risks;

namespace Dashboard.Tests.Domain;

public sealed class RegisterInputTests
{
    private static readonly RegisterChoices Choices = new(
        [
            new ExistingRegister(1, "Shared Services Programme", RiskRegisterKind.Programme, null, null, IsArchived: false),
            new ExistingRegister(2, "ICT", RiskRegisterKind.Service, 30, null, IsArchived: false),
            new ExistingRegister(3, "Old payroll", RiskRegisterKind.Service, 31, null, IsArchived: true),
        ],
        new HashSet<int> { 7 },
        new Dictionary<int, string> { [30] = "ICT", [31] = "Payroll" },
        new Dictionary<int, string> { [10] = "Bromsgrove District Council" });

    private static RegisterInput Council() => new() { Name = "BDC corporate risks", Kind = RiskRegisterKind.Council, CouncilId = 10, OwnerId = 7, RiskAppetite = 8 };

    [Fact]
    public void A_council_register_and_a_second_service_register_after_the_first_was_archived_are_accepted()
    {
        Assert.Empty(Council().Validate(Choices, isNew: true));
        Assert.Empty(new RegisterInput { Name = "Payroll", Kind = RiskRegisterKind.Service, SharedServiceId = 31, OwnerId = 7 }.Validate(Choices, isNew: true));
    }

    [Fact]
    public void Nothing_filled_in_names_each_field()
    {
        var errors = new RegisterInput { RiskAppetite = null }.Validate(Choices, isNew: true);

        Assert.Equal("Give the register a name, e.g. Shared Services Programme.", errors["Name"]);
        Assert.Equal("Choose whose register it is: the programme's, a service's or a council's.", errors["Kind"]);
        Assert.Equal("Choose the register's owner: they may change its risks and issues.", errors["OwnerId"]);
        Assert.StartsWith("Choose a risk appetite from 1 to 16", errors["RiskAppetite"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_is_unique_ignoring_case_archived_registers_included()
    {
        Assert.Equal("There is already a register called ICT: choose another name.", (Council() with { Name = " ict " }).Validate(Choices, isNew: true)["Name"]);
        Assert.Equal("There is already a register called Old payroll (archived): choose another name.", (Council() with { Name = "OLD PAYROLL" }).Validate(Choices, isNew: false)["Name"]);
    }

    [Fact]
    public void The_programme_each_service_and_each_council_have_one_register_in_use()
    {
        Assert.Equal("The programme already has a register in use (Shared Services Programme): archive it first.",
            (Council() with { Kind = RiskRegisterKind.Programme }).Validate(Choices, isNew: true)["Kind"]);
        Assert.Equal("ICT already has a register in use (ICT): archive it first.",
            (Council() with { Kind = RiskRegisterKind.Service, SharedServiceId = 30 }).Validate(Choices, isNew: true)["SharedServiceId"]);
        Assert.Equal("Choose the service or project whose risks it holds.", (Council() with { Kind = RiskRegisterKind.Service }).Validate(Choices, isNew: true)["SharedServiceId"]);
        Assert.Equal("That service is archived or no longer exists: choose another.", (Council() with { Kind = RiskRegisterKind.Service, SharedServiceId = 99 }).Validate(Choices, isNew: true)["SharedServiceId"]);
        Assert.Equal("Choose the council whose corporate register it is.", (Council() with { CouncilId = null }).Validate(Choices, isNew: true)["CouncilId"]);

        // Renaming a register does not look at whose it is.
        Assert.Empty((Council() with { Kind = RiskRegisterKind.Programme }).Validate(Choices, isNew: false));
    }

    [Fact]
    public void Owner_is_active_and_appetite_a_score_from_1_to_16()
    {
        Assert.StartsWith("That person has been deactivated", (Council() with { OwnerId = 8 }).Validate(Choices, isNew: true)["OwnerId"], StringComparison.Ordinal);
        Assert.True((Council() with { RiskAppetite = 0 }).Validate(Choices, isNew: true).ContainsKey("RiskAppetite"));
        Assert.True((Council() with { RiskAppetite = 17 }).Validate(Choices, isNew: true).ContainsKey("RiskAppetite"));
        Assert.Empty((Council() with { RiskAppetite = 16 }).Validate(Choices, isNew: true));
    }

    [Fact]
    public void The_appetite_is_said_in_words_with_its_score_band()
    {
        Assert.Equal("Risks scoring above 6 are flagged; 6 is in the Moderate score band (4–7).", RegisterInput.DescribeAppetite(6, ScoreBandSet.Default));
        Assert.Equal("Risks scoring above 3 are flagged; 3 is in the Tolerable score band (1–3).", RegisterInput.DescribeAppetite(3, ScoreBandSet.Default));
        Assert.Equal("No risk can score above 16, so none is flagged; 16 is in the Severe score band (8–16).", RegisterInput.DescribeAppetite(16, ScoreBandSet.Default));
    }

    [Fact]
    public void Applying_to_an_existing_register_keeps_whose_it_is()
    {
        var register = new RiskRegister { Name = "ICT", Kind = RiskRegisterKind.Service, SharedServiceId = 30 };

        (Council() with { Name = " ICT risks " }).ApplyTo(register, isNew: false);

        Assert.Equal(("ICT risks", RiskRegisterKind.Service, 30, (int?)null, 7, 8), (register.Name, register.Kind, register.SharedServiceId, register.CouncilId, register.OwnerId, register.RiskAppetite));
    }
}
