using Dashboard.Domain.Time;

namespace Dashboard.Tests.Domain;

public sealed class FinancialYearTests
{
    [Theory]
    [InlineData("2010-04-01", 2010, 1)]
    [InlineData("2010-06-30", 2010, 1)]
    [InlineData("2010-07-01", 2010, 2)]
    [InlineData("2010-12-09", 2010, 3)]
    [InlineData("2011-01-01", 2010, 4)]
    [InlineData("2011-03-31", 2010, 4)]
    [InlineData("2011-04-01", 2011, 1)]
    public void Quarters_follow_the_council_year_april_to_march(string date, int startYear, int quarter)
    {
        var q = FinancialQuarter.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(startYear, q.Year.StartYear);
        Assert.Equal(quarter, q.Number);
    }

    [Fact]
    public void Year_is_labelled_and_bounded_as_councils_write_it()
    {
        var year = new FinancialYear(2010);
        Assert.Equal("2010/11", year.Label);
        Assert.Equal(new DateOnly(2010, 4, 1), year.Start);
        Assert.Equal(new DateOnly(2011, 3, 31), year.End);
        Assert.Equal(new DateOnly(2010, 4, 1), year.Months.First());
        Assert.Equal(new DateOnly(2011, 3, 1), year.Months.Last());
        Assert.Equal("2009/10", new FinancialYear(2009).Label);
        Assert.Equal("1999/00", new FinancialYear(1999).Label);
    }

    [Fact]
    public void Quarter_three_runs_october_to_december_and_steps_across_years()
    {
        var q3 = new FinancialQuarter(new FinancialYear(2010), 3);
        Assert.Equal("Q3 2010/11", q3.Label);
        Assert.Equal(new DateOnly(2010, 10, 1), q3.Start);
        Assert.Equal(new DateOnly(2010, 12, 31), q3.End);
        Assert.Equal("Q2 2010/11", q3.Previous.Label);
        Assert.Equal("Q3 2009/10", q3.SameQuarterLastYear.Label);
        Assert.Equal("Q1 2011/12", new FinancialQuarter(new FinancialYear(2010), 4).Next.Label);
        Assert.Equal("Q4 2009/10", new FinancialQuarter(new FinancialYear(2010), 1).Previous.Label);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void There_is_no_quarter_outside_1_to_4(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FinancialQuarter(new FinancialYear(2010), number));

    [Theory]
    [InlineData("2010/11", true, 2010)]
    [InlineData("2010-11", true, 2010)]
    [InlineData("2010", true, 2010)]
    [InlineData("ten", false, 0)]
    [InlineData("", false, 0)]
    public void Parses_the_ways_people_write_a_year(string text, bool ok, int startYear)
    {
        Assert.Equal(ok, FinancialYear.TryParse(text, out var year));
        Assert.Equal(startYear, year.StartYear);
    }
}
