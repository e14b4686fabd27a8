using Dashboard.Domain.Risks;

namespace Dashboard.Tests.Domain;

public sealed class RiskReferenceTests
{
    [Theory]
    [InlineData(new[] { "1", "2", "10", "14" }, "1", "15")]
    [InlineData(new[] { "ICT-1", "ICT-2" }, "1", "ICT-3")]
    [InlineData(new[] { "ICT-I1" }, "I-1", "ICT-I2")]
    [InlineData(new string[0], "1", "1")]
    [InlineData(new string[0], "I-1", "I-1")]
    [InlineData(new[] { "PS-1", "PS-2", "Extra" }, "1", "PS-3")]
    public void The_next_reference_follows_the_registers_own_numbering(string[] existing, string first, string expected) =>
        Assert.Equal(expected, RiskReference.Next(existing, first));

    [Fact]
    public void Gaps_left_by_removed_references_are_not_refilled() =>
        Assert.Equal("ICT-6", RiskReference.Next(["ICT-1", "ICT-5"], "1"));

    [Fact]
    public void The_commonest_numbering_wins_over_a_stray_reference() =>
        Assert.Equal("ICT-4", RiskReference.Next(["ICT-1", "ICT-2", "ICT-3", "99"], "1"));
}
