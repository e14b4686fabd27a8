using Dashboard.Domain.Performance;

namespace Dashboard.Tests.Domain;

public sealed class PiFigureEntryTests
{
    private static readonly DateOnly Today = new(2010, 12, 9);
    private static readonly Dictionary<int, string> Councils = new() { [1] = "BDC", [2] = "RBC" };

    private static PerformanceIndicator Indicator(string unit = "kg", CollectionFrequency frequency = CollectionFrequency.Monthly, bool allowsNegative = false) =>
        new() { Ref = "NI 191", Description = "Household waste (kg)", Unit = unit, Frequency = frequency, AllowsNegative = allowsNegative };

    private static IReadOnlyDictionary<string, string> Errors(PerformanceIndicator pi, params PiFigureInput[] rows) =>
        PiFigureEntry.Check(pi, Councils, rows, Today).Errors;

    [Fact]
    public void Good_figures_are_read_in_UK_style_and_notes_trimmed()
    {
        var (figures, errors) = PiFigureEntry.Check(Indicator(), Councils,
            [new(1, new DateOnly(2010, 11, 1), " 1,048.71 ", " Late collection round "), new(2, new DateOnly(2010, 11, 1), "192.6")], Today);

        Assert.Empty(errors);
        Assert.Equal([new PiFigure(1, new DateOnly(2010, 11, 1), 1048.71m, "Late collection round"), new PiFigure(2, new DateOnly(2010, 11, 1), 192.6m, null)], figures);
    }

    [Fact]
    public void A_word_where_a_number_belongs_is_named_beside_its_field()
    {
        var errors = Errors(Indicator(), new PiFigureInput(1, new DateOnly(2010, 11, 1), "about 49"));

        Assert.Equal("\"about 49\" is not a number: enter a number of kg, e.g. 48.71.", errors[PiFigureEntry.FieldKey(1, new DateOnly(2010, 11, 1), "Value")]);
    }

    [Fact]
    public void A_period_that_does_not_fit_the_frequency_or_has_not_begun_is_refused()
    {
        var quarterly = Indicator(frequency: CollectionFrequency.Quarterly);

        Assert.Equal(
            "NI 191 is collected quarterly (April, July, October, January): 1 Nov 2010 is not the start of one of its periods.",
            Errors(quarterly, new PiFigureInput(1, new DateOnly(2010, 11, 1), "10"))[PiFigureEntry.FieldKey(1, new DateOnly(2010, 11, 1), "Period")]);
        Assert.Equal(
            "The period starting 1 Jan 2011 has not begun yet.",
            Errors(Indicator(), new PiFigureInput(1, new DateOnly(2011, 1, 1), "10"))[PiFigureEntry.FieldKey(1, new DateOnly(2011, 1, 1), "Period")]);
    }

    [Fact]
    public void The_same_council_and_period_twice_is_a_duplicate_and_nothing_is_returned()
    {
        var (figures, errors) = PiFigureEntry.Check(Indicator(), Councils,
            [new(1, new DateOnly(2010, 10, 1), "48"), new(1, new DateOnly(2010, 10, 1), "49")], Today);

        Assert.Empty(figures);
        Assert.Equal("BDC has this period twice; enter each period once.", errors[PiFigureEntry.FieldKey(1, new DateOnly(2010, 10, 1), "Period")]);
    }

    [Theory]
    [InlineData("kg", false, "-1", "kg cannot be negative for NI 191.")]
    [InlineData("%", false, "101", "A percentage cannot be more than 100.")]
    [InlineData("%", false, "", "Enter a percentage.")]
    public void Figures_the_unit_forbids_are_refused(string unit, bool allowsNegative, string value, string message) =>
        Assert.Equal(message, Errors(Indicator(unit, allowsNegative: allowsNegative), new PiFigureInput(1, new DateOnly(2010, 10, 1), value))[PiFigureEntry.FieldKey(1, new DateOnly(2010, 10, 1), "Value")]);

    [Fact]
    public void A_negative_figure_is_fine_where_the_unit_allows_it_and_a_percentage_may_keep_its_sign()
    {
        Assert.Equal(-3m, PiFigureEntry.ParseValue(Indicator("£k", allowsNegative: true), "-3").Value);
        Assert.Equal(43.06m, PiFigureEntry.ParseValue(Indicator("%"), "43.06%").Value);
    }
}
