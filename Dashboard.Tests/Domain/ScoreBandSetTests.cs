using Dashboard.Domain.Risks;

namespace Dashboard.Tests.Domain;

public sealed class ScoreBandSetTests
{
    [Theory]
    [InlineData(1, "Tolerable")]
    [InlineData(3, "Tolerable")]
    [InlineData(4, "Moderate")]
    [InlineData(6, "Moderate")]
    [InlineData(8, "Severe")]
    [InlineData(9, "Severe")]
    [InlineData(16, "Severe")]
    public void Each_score_falls_in_its_default_band(int score, string band) =>
        Assert.Equal(band, ScoreBandSet.Default.BandOf(score).Name);

    [Fact]
    public void Every_possible_score_has_exactly_one_default_band()
    {
        foreach (var l in Enum.GetValues<Likelihood>())
        {
            foreach (var i in Enum.GetValues<Impact>())
            {
                Assert.Single(ScoreBandSet.Default.Bands, b => b.Contains(new RiskScore(l, i).Value));
            }
        }
    }

    [Fact]
    public void A_gap_is_rejected_naming_the_missing_score()
    {
        var error = Assert.Throws<ArgumentException>(() => ScoreBandSet.Create(
        [
            new("Low", 1, 3, "#00ff00", 360),
            new("High", 5, 16, "#ff0000", 90),
        ]));
        Assert.Contains("Score 4 is not covered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlap_is_rejected_naming_both_bands()
    {
        var error = Assert.Throws<ArgumentException>(() => ScoreBandSet.Create(
        [
            new("Low", 1, 5, "#00ff00", 360),
            new("High", 4, 16, "#ff0000", 90),
        ]));
        Assert.Contains("Score 4 is covered by more than one band (Low, High)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bands_beyond_16_or_without_a_name_or_cadence_are_rejected()
    {
        var errors = ScoreBandSet.Validate(
        [
            new("", 1, 8, "#00ff00", 0),
            new("High", 9, 20, "#ff0000", 90),
        ]);
        Assert.Contains(errors, e => e.Contains("has no name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("review cadence", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("outside the possible scores", StringComparison.Ordinal));
    }
}
