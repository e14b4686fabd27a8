using Dashboard.Domain.Time;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Domain;

public sealed class ReportingClockTests
{
    [Fact]
    public void Today_is_the_london_date_not_the_utc_date()
    {
        // 23:30 UTC on 30 June 2010 is already 1 July in London (BST), so a new quarter has begun.
        var clock = new ReportingClock(new FakeTimeProvider(new DateTimeOffset(2010, 6, 30, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2010, 7, 1), clock.Today);
        Assert.Equal("Q2 2010/11", clock.CurrentQuarter.Label);
    }

    [Fact]
    public void A_pinned_demo_date_is_today_whatever_the_real_date()
    {
        var clock = new ReportingClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)), new DateOnly(2010, 12, 9));
        Assert.Equal(new DateOnly(2010, 12, 9), clock.Today);
        Assert.Equal(new DateOnly(2010, 12, 1), clock.CurrentMonth);
        Assert.Equal("2010/11", clock.CurrentFinancialYear.Label);
    }
}
