using Dashboard.Domain.Risks;

namespace Dashboard.Tests.Domain;

public sealed class RiskMovementTests
{
    private static readonly DateTimeOffset June = new(2010, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset December = new(2010, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset September = new(2010, 9, 9, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Meeting = new(2010, 12, 9, 23, 0, 0, TimeSpan.Zero);

    private static RiskAssessment A(int id, int l, int i, DateTimeOffset at) => new() { Id = id, Likelihood = (Likelihood)l, Impact = (Impact)i, AssessedAt = at, Reason = "r" };

    [Fact]
    public void Risk_10_increased_from_6_to_9_over_the_quarter()
    {
        var movement = RiskMovement.Between([A(1, 2, 3, June), A(2, 3, 3, December)], September, Meeting);
        Assert.Equal(MovementDirection.Increased, movement.Direction);
        Assert.Equal("Increased from 6", movement.Describe());
    }

    [Fact]
    public void Risk_14_reduced_from_8_to_4()
    {
        var movement = RiskMovement.Between([A(1, 2, 4, June), A(2, 1, 4, December)], September, Meeting);
        Assert.Equal(MovementDirection.Reduced, movement.Direction);
        Assert.Equal(4, movement.Now!.Value.Value);
    }

    [Fact]
    public void A_risk_reassessed_at_the_same_score_has_not_moved_and_one_raised_since_is_new()
    {
        Assert.Equal(MovementDirection.Same, RiskMovement.Between([A(1, 3, 2, June), A(2, 2, 3, December)], September, Meeting).Direction);
        Assert.Equal(MovementDirection.New, RiskMovement.Between([A(1, 3, 2, December)], September, Meeting).Direction);
    }

    [Fact]
    public void Movement_reads_history_in_time_order_whatever_order_it_is_stored_in()
    {
        var movement = RiskMovement.Between([A(2, 3, 3, December), A(1, 2, 3, June)], September, Meeting);
        Assert.Equal(MovementDirection.Increased, movement.Direction);
    }

    [Theory]
    [InlineData(3, 3, "2011-03-09")]
    [InlineData(2, 2, "2011-06-07")]
    [InlineData(1, 3, "2011-12-04")]
    public void Next_review_follows_the_bands_cadence(int l, int i, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), RiskReview.NextReviewAfter(new DateOnly(2010, 12, 9), RiskScore.Of(l, i), ScoreBandSet.Default));

    [Fact]
    public void Past_due_and_above_appetite_flags()
    {
        Assert.True(RiskReview.IsPastDue(new DateOnly(2010, 12, 1), new DateOnly(2010, 12, 9), RiskStatus.Open));
        Assert.False(RiskReview.IsPastDue(new DateOnly(2010, 12, 1), new DateOnly(2010, 12, 9), RiskStatus.Closed));
        Assert.False(RiskReview.IsPastDue(new DateOnly(2010, 12, 9), new DateOnly(2010, 12, 9), RiskStatus.Open));
        Assert.True(RiskReview.IsAboveAppetite(RiskScore.Of(3, 3), 6));
        Assert.False(RiskReview.IsAboveAppetite(RiskScore.Of(2, 3), 6));
    }
}
