using Dashboard.Domain.Audit;

namespace Dashboard.Tests.Domain;

/// <summary>The audit trail keeps the current financial year (April–March) and the given number of complete years before it.</summary>
public sealed class AuditRetentionTests
{
    [Theory]
    [InlineData("2026-12-03", 6, "2020-04-01")]
    [InlineData("2027-03-31", 6, "2020-04-01")]
    [InlineData("2027-04-01", 6, "2021-04-01")]
    [InlineData("2026-04-01", 1, "2025-04-01")]
    public void Keeps_from_the_start_of_the_financial_year_that_many_years_before_the_current_one(string today, int years, string keepFrom) =>
        Assert.Equal(DateOnly.Parse(keepFrom, System.Globalization.CultureInfo.InvariantCulture), new AuditRetention(years).KeepFrom(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0)]
    [InlineData(-6)]
    public void Fewer_than_one_year_is_refused(int years) => Assert.Contains("must be at least 1", AuditRetention.Problem(years), StringComparison.Ordinal);

    [Fact]
    public void One_year_or_more_is_accepted() => Assert.Null(AuditRetention.Problem(6));
}
