using Bunit;
using Dashboard.Features.Board;
using Dashboard.Features.Risks;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Tests.Features.Live;

/// <summary>
/// Every open screen re-renders its components on each live change, and each component is memory the circuit keeps:
/// the busiest screens stay within a budget of components (issue 16: the register under 120 with a full page of
/// rows, the board dashboard under 80). A count, not a timing, so it holds on any machine.
/// </summary>
public class ComponentBudgetTests : DashboardTestContext
{
    private static string Census(IReadOnlyList<IRenderedComponent<IComponent>> components) =>
        string.Join(", ", components.GroupBy(c => c.Instance.GetType().Name).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));

    [Fact]
    public async Task The_risk_register_with_a_full_page_of_rows_stays_under_120_components()
    {
        var page = Render<RiskRegisterPage>();
        WaitUntilSettled(page, () => Assert.NotEmpty(page.FindAll(".risk-register tbody tr")));
        await page.InvokeAsync(() => page.Find("select[id^='filter-']").Change("0"));
        WaitUntilSettled(page, () => Assert.Equal(25, page.FindAll(".risk-register tbody tr").Count));

        var components = page.FindComponents<IComponent>();
        Assert.True(components.Count < 120, $"{components.Count} components: {Census(components)}");
    }

    [Fact]
    public void The_board_dashboard_stays_under_80_components()
    {
        var board = Render<BoardDashboardPage>();
        WaitUntilSettled(board, () => Assert.Equal(15, board.FindAll("tr[data-service]").Count));

        var components = board.FindComponents<IComponent>();
        Assert.True(components.Count < 80, $"{components.Count} components: {Census(components)}");
    }
}
