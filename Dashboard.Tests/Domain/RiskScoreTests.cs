using Dashboard.Domain.Risks;

namespace Dashboard.Tests.Domain;

public sealed class RiskScoreTests
{
    [Theory]
    [InlineData(3, 2, 6)]
    [InlineData(2, 4, 8)]
    [InlineData(3, 3, 9)]
    [InlineData(1, 1, 1)]
    [InlineData(4, 4, 16)]
    public void Score_is_likelihood_times_impact(int likelihood, int impact, int expected) =>
        Assert.Equal(expected, RiskScore.Of(likelihood, impact).Value);

    [Theory]
    [InlineData(0, 2)]
    [InlineData(5, 2)]
    [InlineData(2, 0)]
    [InlineData(2, 5)]
    [InlineData(-1, -1)]
    public void Likelihood_or_impact_outside_1_to_4_is_rejected(int likelihood, int impact) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskScore.Of(likelihood, impact));

    [Fact]
    public void Scale_words_are_the_reports_own()
    {
        Assert.Equal(["High", "Significant", "Medium", "Low"], RiskScale.LikelihoodRows.Select(l => l.ToString()));
        Assert.Equal(["Low", "Marginal", "Major", "Critical"], RiskScale.ImpactColumns.Select(i => i.ToString()));
        Assert.Equal(3, (int)Likelihood.Significant);
        Assert.Equal(4, (int)Impact.Critical);
    }
}
