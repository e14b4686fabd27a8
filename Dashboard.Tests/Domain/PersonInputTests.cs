using Dashboard.Domain.Organisation;

namespace Dashboard.Tests.Domain;

public sealed class PersonInputTests
{
    // Kim (chief executive) ← Sam (director) ← Priya and Alex; Rosa has left.
    private static readonly PersonEntry[] People =
    [
        new(1, "Kim Adams", "kim.adams@bromsgrove.example", null, true),
        new(2, "Sam Reid", "sam.reid@bromsgrove.example", 1, true),
        new(3, "Priya Shah", "Priya.Shah@bromsgrove.example", 2, true),
        new(4, "Alex Morgan", null, 2, true),
        new(5, "Rosa Grant", "rosa.grant@redditch.example", 2, false),
    ];

    private static readonly int[] Councils = [10, 11];

    private static PersonInput Complete() => new()
    {
        Name = "  Jo Bloggs ",
        JobTitle = " Head of Audit ",
        Email = " jo.o'brien@redditch.gov.uk ",
        CouncilId = 11,
        DirectorId = 2,
    };

    [Fact]
    public void Complete_details_are_saved_trimmed()
    {
        var input = Complete();

        Assert.Empty(input.Validate(null, People, Councils));
        var person = new Person { Name = "" };
        input.ApplyTo(person);
        Assert.Equal(("Jo Bloggs", "Head of Audit", "jo.o'brien@redditch.gov.uk", (int?)11, (int?)2),
            (person.Name, person.JobTitle, person.Email, person.CouncilId, person.DirectorId));
    }

    [Fact]
    public void Blank_optional_details_are_saved_as_none()
    {
        var person = new Person { Name = "Old", JobTitle = "Old title", Email = "old@example.gov.uk" };

        new PersonInput { Name = "Jo Bloggs", JobTitle = "  ", Email = "" }.ApplyTo(person);

        Assert.Equal(((string?)null, (string?)null), (person.JobTitle, person.Email));
    }

    [Fact]
    public void A_name_is_required()
    {
        Assert.Equal("Enter the person's name.", (Complete() with { Name = "   " }).Validate(null, People, Councils)["Name"]);
    }

    [Theory]
    [InlineData("jo.bloggs")]
    [InlineData("jo bloggs@redditch.gov.uk")]
    [InlineData("jo@@redditch.gov.uk")]
    [InlineData("jo@redditch")]
    [InlineData(".jo@redditch.gov.uk")]
    [InlineData("jo..bloggs@redditch.gov.uk")]
    [InlineData("jo@-redditch.gov.uk")]
    [InlineData("Jo Bloggs <jo@redditch.gov.uk>")]
    public void A_malformed_email_address_is_refused(string email)
    {
        Assert.Equal("Enter an email address like name@bromsgrove.gov.uk.", (Complete() with { Email = email }).Validate(null, People, Councils)["Email"]);
    }

    [Theory]
    [InlineData("jo@redditch.gov.uk")]
    [InlineData("Jo.O'Brien+board@bromsgrove-dc.gov.uk")]
    [InlineData("j@x.co")]
    public void Ordinary_addresses_are_well_formed(string email)
    {
        Assert.True(EmailAddresses.IsWellFormed(email));
    }

    [Fact]
    public void An_email_address_another_person_has_is_refused_whatever_its_case()
    {
        var errors = (Complete() with { Email = "priya.shah@BROMSGROVE.example" }).Validate(null, People, Councils);

        Assert.Equal("Priya Shah already has this email address: each person needs their own.", errors["Email"]);
    }

    [Fact]
    public void A_person_keeps_their_own_email_address_when_their_details_are_saved()
    {
        Assert.DoesNotContain("Email", (Complete() with { Email = "priya.shah@bromsgrove.example" }).Validate(3, People, Councils).Keys);
    }

    [Fact]
    public void No_email_address_is_allowed_for_someone_who_never_signs_in()
    {
        Assert.Empty((Complete() with { Email = null }).Validate(null, People, Councils));
    }

    [Fact]
    public void The_council_must_be_one_that_takes_part()
    {
        Assert.Equal("Choose a council from the list.", (Complete() with { CouncilId = 99 }).Validate(null, People, Councils)["CouncilId"]);
    }

    [Fact]
    public void A_person_cannot_be_their_own_director()
    {
        Assert.Equal("A person cannot be their own director: choose someone else, or leave it empty.",
            (Complete() with { DirectorId = 4 }).Validate(4, People, Councils)["DirectorId"]);
    }

    [Fact]
    public void A_deactivated_director_is_refused()
    {
        Assert.Equal("Rosa Grant has been deactivated: choose an active person as director.",
            (Complete() with { DirectorId = 5 }).Validate(null, People, Councils)["DirectorId"]);
    }

    [Fact]
    public void An_unknown_director_is_refused()
    {
        Assert.Equal("Choose the director from the list.", (Complete() with { DirectorId = 42 }).Validate(null, People, Councils)["DirectorId"]);
    }

    [Fact]
    public void A_director_who_reports_up_to_the_person_would_make_a_loop()
    {
        // Priya reports to Sam, who reports to Kim: Kim cannot report to Priya.
        var errors = (Complete() with { Name = "Kim Adams", DirectorId = 3 }).Validate(1, People, Councils);

        Assert.Equal("Priya Shah already reports, directly or through others, to Kim Adams: choosing them would make a loop.", errors["DirectorId"]);
    }

    [Fact]
    public void A_director_elsewhere_in_the_tree_is_fine()
    {
        Assert.Empty((Complete() with { Name = "Alex Morgan", Email = null, DirectorId = 3 }).Validate(4, People, Councils));
    }
}

public sealed class AccountStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true, false, false, false, false, false, AccountState.NoAccount)]
    [InlineData(true, true, false, false, false, false, AccountState.NoAccount)]
    [InlineData(true, true, false, true, false, false, AccountState.Invited)]
    [InlineData(true, true, true, true, false, false, AccountState.Invited)]
    [InlineData(true, true, true, true, true, false, AccountState.Active)]
    [InlineData(true, true, true, false, false, false, AccountState.Active)]
    [InlineData(true, true, true, false, true, true, AccountState.LockedOut)]
    [InlineData(false, true, true, false, true, false, AccountState.Deactivated)]
    [InlineData(false, false, false, false, false, false, AccountState.Deactivated)]
    public void The_state_follows_from_the_person_and_the_account(bool active, bool hasAccount, bool hasPassword, bool invited, bool signedIn, bool locked, AccountState expected)
    {
        var account = hasAccount
            ? new AccountFacts(hasPassword, invited ? Now.AddDays(-2) : null, signedIn ? Now.AddDays(-1) : null, locked ? Now.AddMinutes(10) : Now.AddMinutes(-10))
            : null;

        Assert.Equal(expected, AccountStates.Of(active, account, Now));
    }

    [Fact]
    public void Invitations_fit_people_who_never_had_a_working_account_and_resets_those_who_did()
    {
        Assert.Equal([AccountState.NoAccount, AccountState.Invited], Enum.GetValues<AccountState>().Where(AccountStates.CanBeInvited));
        Assert.Equal([AccountState.Invited, AccountState.Active, AccountState.LockedOut], Enum.GetValues<AccountState>().Where(AccountStates.CanResetPassword));
        Assert.Equal("Invited, not yet signed in", AccountStates.Describe(AccountState.Invited));
    }
}

public sealed class AdministratorsTests
{
    [Fact]
    public void The_last_active_administrator_cannot_remove_their_own_role_or_deactivate_themselves()
    {
        Assert.Equal("You are the only active administrator, so you cannot remove your own Administrator role: give someone else the role first.",
            Administrators.Refusal(3, 3, [3], AdministratorLoss.RoleRemoved));
        Assert.Equal("You are the only active administrator, so you cannot deactivate yourself: give someone else the Administrator role first.",
            Administrators.Refusal(3, 3, [3], AdministratorLoss.Deactivated));
    }

    [Fact]
    public void With_another_active_administrator_either_may_step_down()
    {
        Assert.Null(Administrators.Refusal(3, 3, [3, 7], AdministratorLoss.RoleRemoved));
        Assert.Null(Administrators.Refusal(7, 3, [3, 7], AdministratorLoss.Deactivated));
    }

    [Fact]
    public void An_administrator_account_without_a_person_counts()
    {
        Assert.Null(Administrators.Refusal(3, 3, [3, null], AdministratorLoss.Deactivated));
    }

    [Fact]
    public void Someone_who_is_not_an_administrator_loses_nothing()
    {
        Assert.Null(Administrators.Refusal(9, 3, [3], AdministratorLoss.Deactivated));
    }

    [Fact]
    public void Zero_administrators_is_refused_whoever_asks()
    {
        Assert.NotNull(Administrators.Refusal(3, null, [3], AdministratorLoss.RoleRemoved));
    }
}

public sealed class HandoverTests
{
    // Kim ← Sam ← (Priya, Alex ← Lee); Rosa has left.
    private static readonly PersonEntry[] People =
    [
        new(1, "Kim Adams", null, null, true),
        new(2, "Sam Reid", null, 1, true),
        new(3, "Priya Shah", null, 2, true),
        new(4, "Alex Morgan", null, 2, true),
        new(5, "Rosa Grant", null, 2, false),
        new(6, "Lee Carter", null, 4, true),
    ];

    [Fact]
    public void The_people_a_leaver_directs_move_to_the_person_taking_over()
    {
        var (directors, refusal) = Handover.Plan(2, 1, People);

        Assert.Null(refusal);
        Assert.Equal(new Dictionary<int, int?> { [3] = 1, [4] = 1, [5] = 1 }, directors);
    }

    [Fact]
    public void Someone_who_reported_to_the_leaver_and_takes_over_moves_up_to_the_leavers_director()
    {
        var (directors, refusal) = Handover.Plan(2, 3, People);

        Assert.Null(refusal);
        Assert.Equal(new Dictionary<int, int?> { [3] = 1, [4] = 3, [5] = 3 }, directors);
    }

    [Fact]
    public void Handing_to_someone_below_one_of_the_leavers_people_would_make_a_loop()
    {
        // Lee reports to Alex, who reports to Sam: Alex cannot be made to report to Lee.
        var (_, refusal) = Handover.Plan(2, 6, People);

        Assert.Equal("Lee Carter reports, directly or through others, to Alex Morgan, who reports to Sam Reid: handing over would make a loop. "
            + "Change Alex Morgan's director first, or choose someone else.", refusal);
    }

    [Theory]
    [InlineData(5, "Rosa Grant has been deactivated: choose an active person to take over.")]
    [InlineData(2, "Choose someone other than Sam Reid to take over.")]
    [InlineData(42, "Choose the person taking over from the list.")]
    [InlineData(null, "Choose who takes over from Sam Reid.")]
    public void The_person_taking_over_must_be_someone_else_who_is_active(int? to, string refusal)
    {
        Assert.Equal(refusal, Handover.Plan(2, to, People).Refusal);
    }
}
