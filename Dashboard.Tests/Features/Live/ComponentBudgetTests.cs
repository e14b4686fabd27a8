using Bunit;
using Dashboard.Features.Board;
using Dashboard.Features.Risks;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Tests.Features.Live;

public class ComponentBudgetTests: DashboardTestContext
{
    private static string Census(IRenderedComponent<IComponent> root) => "";

    [Fact]
    public void Probe()
    {
        var page = Render<RiskRegisterPage>();
        WaitUntilSettled(page, () => Assert.NotEmpty(page.FindAll(".risk-register tbody tr")));
        var all = page.FindComponents<IComponent>();
        System.IO.File.AppendAllText("/tmp/census.txt", "\n" + $"risks programme: {all.Count} rows {page.FindAll(".risk-register tbody tr").Count}");
        foreach (var g in all.GroupBy(c => c.Instance.GetType().Name).OrderByDescending(g => g.Count()))
            System.IO.File.AppendAllText("/tmp/census.txt", "\n" + $"  {g.Key}: {g.Count()}");

        var board = Render<BoardDashboardPage>();
        board.WaitForAssertion(() => Assert.Equal(15, board.FindAll("tr[data-service]").Count), TimeSpan.FromSeconds(10));
        WaitUntilSettled(board, () => { });
        var b = board.FindComponents<IComponent>();
        System.IO.File.AppendAllText("/tmp/census.txt", "\n" + $"board: {b.Count}");
        foreach (var g in b.GroupBy(c => c.Instance.GetType().Name).OrderByDescending(g => g.Count()))
            System.IO.File.AppendAllText("/tmp/census.txt", "\n" + $"  {g.Key}: {g.Count()}");
    }
}
public class MarkupProbe : DashboardTestContext
{
    [Fact]
    public void Probe()
    {
        var page = Render<RiskRegisterPage>();
        WaitUntilSettled(page, () => Assert.NotEmpty(page.FindAll(".risk-register tbody tr")));
        System.IO.File.WriteAllText("/tmp/markup.html", page.Markup);
    }
}
