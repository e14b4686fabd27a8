using Dashboard.Domain.Services;

namespace Dashboard.Tests.Domain;

public sealed class StatusTimelineTests
{
    private static StatusUpdate Card(int year, int month, Rag rag) => new()
    {
        Period = new DateOnly(year, month, 1),
        Rag = rag,
        Commentary = $"{rag} in {month}",
        UpdatedAt = new DateTimeOffset(year, month, 5, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Every_month_from_the_first_card_to_the_current_month_newest_first_with_gaps_kept()
    {
        var timeline = StatusTimeline.Build([Card(2010, 9, Rag.Green), Card(2010, 11, Rag.Amber)], new DateOnly(2010, 12, 9));

        Assert.Equal(
            [new DateOnly(2010, 12, 1), new DateOnly(2010, 11, 1), new DateOnly(2010, 10, 1), new DateOnly(2010, 9, 1)],
            timeline.Select(m => m.Month));
        Assert.True(timeline[0].IsGap);
        Assert.Equal(Rag.Amber, timeline[1].Card!.Rag);
        Assert.True(timeline[2].IsGap);
        Assert.Equal(Rag.Green, timeline[3].Card!.Rag);
    }

    [Fact]
    public void A_service_without_cards_has_an_empty_timeline()
    {
        Assert.Empty(StatusTimeline.Build([], new DateOnly(2010, 12, 9)));
    }

    [Fact]
    public void The_timeline_crosses_the_year_end()
    {
        var timeline = StatusTimeline.Build([Card(2010, 12, Rag.Red)], new DateOnly(2011, 2, 1));

        Assert.Equal([new DateOnly(2011, 2, 1), new DateOnly(2011, 1, 1), new DateOnly(2010, 12, 1)], timeline.Select(m => m.Month));
    }
}
