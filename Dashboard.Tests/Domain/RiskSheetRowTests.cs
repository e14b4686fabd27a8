using Dashboard.Domain.Risks;

namespace Dashboard.Tests.Domain;

public sealed class RiskSheetRowTests
{
    private static readonly RiskSheetRow Risk10 = new("10", "Potential conflict with WETT work", 3, 3, 9, "Managed carefully");

    [Fact]
    public void A_row_as_exported_is_valid() => Assert.Empty(Risk10.Validate());

    [Fact]
    public void The_score_may_be_left_out() => Assert.Empty((Risk10 with { Score = null }).Validate());

    [Fact]
    public void A_score_that_is_not_L_times_I_is_refused_with_the_sum() =>
        Assert.Equal("The score is L × I = 3 × 2 = 6, not 9. Change L or I; the score follows from them.", (Risk10 with { Impact = 2 }).Validate()["Score"]);

    [Fact]
    public void Likelihood_and_impact_must_be_on_the_4_point_scale()
    {
        var errors = (Risk10 with { Likelihood = 5, Impact = 0, Score = null }).Validate();

        Assert.Equal("The likelihood must be from 1 (Low) to 4, not 5.", errors["Likelihood"]);
        Assert.Equal("The impact must be from 1 (Low) to 4, not 0.", errors["Impact"]);
    }

    [Fact]
    public void A_row_needs_its_reference_and_its_risk()
    {
        var errors = (Risk10 with { Ref = null, Title = " " }).Validate();

        Assert.Equal("Give the risk's reference; a row without one cannot be matched to the register.", errors["Ref"]);
        Assert.Equal("Describe the risk.", errors["Title"]);
    }

    [Fact]
    public void Missing_likelihood_and_impact_are_asked_for() =>
        Assert.Equal("Give the likelihood, from 1 (Low) to 4.", (Risk10 with { Likelihood = null, Score = null }).Validate()["Likelihood"]);
}
