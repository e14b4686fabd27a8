using Dashboard.Domain;
using Dashboard.Domain.Risks;

namespace Dashboard.Tests.Domain;

public sealed class RiskHistoryTests
{
    private static RiskAssessment At(int id, int l, int i, int month) => new()
    {
        Id = id,
        Likelihood = (Likelihood)l,
        Impact = (Impact)i,
        AssessedAt = new DateTimeOffset(2010, month, 1, 0, 0, 0, TimeSpan.Zero),
        Reason = "test",
    };

    [Fact]
    public void The_assessment_in_force_is_the_latest_at_or_before_the_moment()
    {
        var history = new[] { At(2, 3, 3, 12), At(1, 2, 3, 6) };
        Assert.Equal(6, RiskHistory.InForceAt(history, new DateTimeOffset(2010, 9, 1, 0, 0, 0, TimeSpan.Zero))!.Score.Value);
        Assert.Equal(9, RiskHistory.Current(history)!.Score.Value);
        Assert.Null(RiskHistory.InForceAt(history, new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void References_sort_as_people_read_them()
    {
        string[] refs = ["10", "2", "1", "ICT-10", "ICT-2", "14"];
        Assert.Equal(["1", "2", "10", "14", "ICT-2", "ICT-10"], refs.Order(NaturalOrder.Instance));
        Assert.Equal(["1", "2", "10", "14", "ICT-2", "ICT-10"], refs.OrderBy(NaturalOrder.SortKey, StringComparer.Ordinal));
    }
}
