using Dashboard.Domain.Performance;

namespace Dashboard.Tests.Domain;

public sealed class NewIndicatorInputTests
{
    private static NewIndicatorInput Complete() => new()
    {
        Ref = " LPI 07 ",
        Description = "Missed bins per 100,000 collections",
        Unit = "per 100,000",
        Polarity = Polarity.LowerIsBetter,
        Frequency = CollectionFrequency.Quarterly,
        Aggregation = YtdAggregation.Average,
        TolerancePercent = "7.5%",
        DecimalPlaces = 1,
        OwnerId = 4,
        SharedServiceId = 9,
    };

    [Fact]
    public void A_complete_entry_becomes_an_indicator_with_its_text_trimmed()
    {
        var input = Complete();

        Assert.Empty(input.Validate(["NI 191", "NI 192"]));
        var pi = input.ToIndicator();
        Assert.Equal(("LPI 07", "per 100,000", 7.5m, 1), (pi.Ref, pi.Unit, pi.TolerancePercent, pi.DecimalPlaces));
        Assert.Equal((Polarity.LowerIsBetter, CollectionFrequency.Quarterly, YtdAggregation.Average), (pi.Polarity, pi.Frequency, pi.Aggregation));
        Assert.Equal((4, (int?)9), (pi.OwnerId, pi.SharedServiceId));
    }

    [Fact]
    public void A_reference_already_in_the_catalogue_is_refused_whatever_its_case()
    {
        var input = Complete() with { Ref = "ni 191" };

        Assert.Equal("NI 191 is already in the catalogue: choose another reference.", input.Validate(["NI 191"])["Ref"]);
    }

    [Fact]
    public void An_empty_form_says_what_each_field_needs()
    {
        var errors = new NewIndicatorInput { TolerancePercent = "", DecimalPlaces = null }.Validate([]);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Ref"] = "Give the indicator its reference, e.g. NI 191.",
                ["Description"] = "Describe the indicator.",
                ["TolerancePercent"] = "Enter the tolerance as a percentage of the target, from 0 to 100.",
                ["Unit"] = "Say how values are written, e.g. kg, % or days.",
                ["Polarity"] = "Choose whether higher or lower is better.",
                ["Frequency"] = "Choose how often figures are collected.",
                ["Aggregation"] = "Choose how the periods add up to a year-to-date figure.",
                ["DecimalPlaces"] = "Choose from 0 to 4 decimal places.",
                ["OwnerId"] = "Choose who reports the figures.",
            },
            errors);
    }

    [Theory]
    [InlineData("150", "TolerancePercent")]
    [InlineData("-1", "TolerancePercent")]
    [InlineData("five", "TolerancePercent")]
    public void A_tolerance_outside_0_to_100_percent_is_refused(string tolerance, string field) =>
        Assert.True((Complete() with { TolerancePercent = tolerance }).Validate([]).ContainsKey(field));

    [Fact]
    public void Values_no_form_offers_are_refused_rather_than_stored()
    {
        var errors = (Complete() with { Polarity = (Polarity)9, DecimalPlaces = 7, Ref = new string('R', 31) }).Validate([]);

        Assert.Equal(["DecimalPlaces", "Polarity", "Ref"], errors.Keys.Order());
    }
}
