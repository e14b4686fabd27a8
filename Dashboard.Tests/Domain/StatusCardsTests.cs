using Dashboard.Domain.Services;

namespace Dashboard.Tests.Domain;

public sealed class StatusCardsTests
{
    private static readonly DateOnly Meeting = new(2010, 12, 9);

    [Fact]
    public void The_card_due_is_the_current_month_and_a_service_without_it_is_overdue()
    {
        Assert.Equal(new DateOnly(2010, 12, 1), StatusCards.PeriodFor(Meeting));
        Assert.False(StatusCards.IsOverdue(new DateOnly(2010, 12, 1), Meeting));
        Assert.True(StatusCards.IsOverdue(new DateOnly(2010, 11, 1), Meeting));
        Assert.True(StatusCards.IsOverdue(null, Meeting));
        Assert.Equal(new DateOnly(2011, 1, 1), StatusCards.PeriodFor(new DateOnly(2011, 1, 1)));
    }

    [Fact]
    public void Amber_and_red_projects_need_a_highlight_report_for_last_month()
    {
        Assert.True(StatusCards.IsMissingHighlightReport(ServicePhase.ProjectUnderway, Rag.Amber, null, Meeting));
        Assert.True(StatusCards.IsMissingHighlightReport(ServicePhase.ProjectUnderway, Rag.Red, new DateOnly(2010, 10, 31), Meeting));
        Assert.False(StatusCards.IsMissingHighlightReport(ServicePhase.ProjectUnderway, Rag.Amber, new DateOnly(2010, 11, 30), Meeting));
        Assert.False(StatusCards.IsMissingHighlightReport(ServicePhase.ProjectUnderway, Rag.Green, null, Meeting));
        Assert.False(StatusCards.IsMissingHighlightReport(ServicePhase.Live, Rag.Red, null, Meeting));
    }

    [Fact]
    public void Commentary_is_required_and_a_move_to_amber_or_red_needs_a_reason()
    {
        var errors = new StatusCardInput(Rag.Amber, " ", null).Validate(previous: Rag.Green);
        Assert.Equal("Write the high level commentary the board will read.", errors["Commentary"]);
        Assert.Equal("Say why the status is now Amber.", errors["ReasonForChange"]);

        Assert.Empty(new StatusCardInput(Rag.Amber, "Still amber", null).Validate(previous: Rag.Amber));
        Assert.Empty(new StatusCardInput(Rag.Green, "Back on track", null).Validate(previous: Rag.Red));
        Assert.Equal("Choose Green, Amber or Red.", new StatusCardInput(null, "x", null).Validate(null)["Rag"]);
        Assert.Equal("Say why the status is now Red.", new StatusCardInput(Rag.Red, "First card", null).Validate(previous: null)["ReasonForChange"]);
    }

    [Fact]
    public void Commentary_and_reason_have_a_length_the_board_can_read()
    {
        var errors = new StatusCardInput(Rag.Red, new string('x', 2001), new string('y', 1001)).Validate(previous: Rag.Amber);

        Assert.Equal("Keep the commentary to 2,000 characters (it has 2,001).", errors["Commentary"]);
        Assert.Equal("Keep the reason to 1,000 characters (it has 1,001).", errors["ReasonForChange"]);
    }
}
