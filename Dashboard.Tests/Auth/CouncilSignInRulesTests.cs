using System.Security.Claims;
using Dashboard.Auth;

namespace Dashboard.Tests.Auth;

public sealed class CouncilSignInRulesTests
{
    private static ClaimsPrincipal Vouching(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    [Fact]
    public void The_email_claim_is_trusted_before_the_sign_in_name()
    {
        var principal = Vouching(("preferred_username", "j.smith@bromsgrove.gov.uk"), ("email", "jo.smith@bromsgrove.gov.uk"));

        Assert.Equal("jo.smith@bromsgrove.gov.uk", CouncilSignInRules.ProviderEmail(principal));
    }

    [Theory]
    [InlineData("preferred_username")]
    [InlineData("upn")]
    public void Without_an_email_claim_the_sign_in_name_is_the_address(string claim)
    {
        Assert.Equal("jo.smith@redditchbc.gov.uk", CouncilSignInRules.ProviderEmail(Vouching((claim, " jo.smith@redditchbc.gov.uk "))));
    }

    [Fact]
    public void A_sign_in_name_that_is_not_an_address_is_no_address()
    {
        var principal = Vouching(("sub", "0f3c"), ("preferred_username", "BROMSGROVE\\jsmith"), ("name", "Jo Smith"));

        Assert.Null(CouncilSignInRules.ProviderEmail(principal));
    }

    [Fact]
    public void An_empty_email_claim_falls_back_to_the_sign_in_name()
    {
        Assert.Equal("jo.smith@bromsgrove.gov.uk", CouncilSignInRules.ProviderEmail(Vouching(("email", ""), ("upn", "jo.smith@bromsgrove.gov.uk"))));
    }

    [Fact]
    public void A_display_name_with_an_address_is_not_taken_as_the_address()
    {
        Assert.Null(CouncilSignInRules.ProviderEmail(Vouching(("email", "Jo Smith <jo.smith@bromsgrove.gov.uk>"))));
    }

    [Theory]
    [InlineData(CouncilSignInRefusal.Cancelled)]
    [InlineData(CouncilSignInRefusal.ProviderError)]
    [InlineData(CouncilSignInRefusal.ProviderUnreachable)]
    public void A_failure_at_the_provider_survives_the_round_trip_through_the_address(CouncilSignInRefusal refusal)
    {
        Assert.Equal(refusal, CouncilSignInRules.FromFailureCode(CouncilSignInRules.FailureCode(refusal)));
    }

    [Theory]
    [InlineData("you-have-been-hacked")]
    [InlineData("UnknownEmail")]
    public void A_hand_made_failure_word_reads_as_a_provider_error(string code)
    {
        Assert.Equal(CouncilSignInRefusal.ProviderError, CouncilSignInRules.FromFailureCode(code));
    }

    [Fact]
    public void No_failure_word_means_the_provider_vouched()
    {
        Assert.Null(CouncilSignInRules.FromFailureCode(null));
    }
}
