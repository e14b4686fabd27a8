using Dashboard.Domain.Services;

namespace Dashboard.Tests.Domain;

public sealed class ReportOrderTests
{
    private static List<(int Id, int Order)> Orders(ServiceMove move) => [.. move.NewOrders.OrderBy(o => o.Key).Select(o => (o.Key, o.Value))];

    private static ServicePlace Own(int id, int order) => new(id, ServicePhase.Live, ServiceArrangement.BetweenTheCouncils, order);

    private static ServicePlace Wett(int id, int order) => new(id, ServicePhase.Live, ServiceArrangement.WettReceived, order);

    private static ServicePlace Project(int id, int order) => new(id, ServicePhase.ProjectUnderway, ServiceArrangement.WettReceived, order);

    [Fact]
    public void The_councils_own_live_services_come_first_then_those_received_under_WETT_then_the_projects()
    {
        var places = new[] { Project(1, 1), Wett(2, 1), Own(3, 9), Own(4, 2), Own(5, 2), Project(6, 0) };

        Assert.Equal([4, 5, 3, 2, 6, 1], places.InReportOrder().Select(p => p.Id));
        Assert.Equal([ReportSection.LiveServices, ReportSection.WettServicesReceived, ReportSection.ProjectsUnderway], places.InReportOrder().Select(p => p.Section).Distinct());
        Assert.Equal("WETT services received", ReportOrder.TitleOf(ReportSection.WettServicesReceived));
    }

    [Fact]
    public void Moving_up_swaps_with_the_one_above_in_its_own_section_and_renumbers_that_section()
    {
        // Never ordered (all 0): they stand as set up, by id.
        var places = new[] { Own(1, 0), Own(2, 0), Own(3, 0), Wett(4, 0) };

        var (move, problem) = ReportOrder.Move(places, 3, MoveDirection.Up);

        Assert.Null(problem);
        Assert.Equal([(1, 1), (2, 3), (3, 2)], Orders(move!));
        Assert.Equal((ReportSection.LiveServices, 2, 3), (move!.Section, move.Position, move.Count));
    }

    [Fact]
    public void Moving_down_past_the_end_of_a_section_is_refused_even_when_another_section_follows()
    {
        var places = new[] { Own(1, 1), Own(2, 2), Wett(3, 3) };

        Assert.Equal("already last in Live shared services", ReportOrder.Move(places, 2, MoveDirection.Down).Problem);
        Assert.Equal("already first in WETT services received", ReportOrder.Move(places, 3, MoveDirection.Up).Problem);
        Assert.NotNull(ReportOrder.Move(places, 99, MoveDirection.Up).Problem);
        Assert.Equal([(1, 2), (2, 1)], Orders(ReportOrder.Move(places, 1, MoveDirection.Down).Move!));
    }

    [Fact]
    public void A_new_service_goes_after_every_order_in_use()
    {
        Assert.Equal(1, ReportOrder.NextOrder([]));
        Assert.Equal(8, ReportOrder.NextOrder([3, 7, 0]));
    }
}
