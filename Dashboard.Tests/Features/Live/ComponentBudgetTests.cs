using Bunit;
using Dashboard.Domain.Risks;
using Dashboard.Features.Board;
using Dashboard.Features.Risks;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

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
        // The demo's programme register has 14 risks; 20 more make a full page of 25 and a second page.
        await using (var db = await Database.OpenAsync())
        {
            var programme = await db.RiskRegisters.SingleAsync(r => r.Kind == RiskRegisterKind.Programme, Xunit.TestContext.Current.CancellationToken);
            db.Risks.AddRange(Enumerable.Range(1, 20).Select(i => new Risk
            {
                RiskRegisterId = programme.Id, Ref = $"X-{i}", Title = $"Added risk {i}", Mitigation = "Monthly review.", OwnerId = programme.OwnerId,
                RaisedOn = new DateOnly(2010, 12, 1), NextReviewDate = new DateOnly(2011, 3, 1),
                Assessments = [new RiskAssessment { Likelihood = Likelihood.Medium, Impact = Impact.Major, AssessedAt = new DateTimeOffset(2010, 12, 1, 9, 0, 0, TimeSpan.Zero), AssessedById = programme.OwnerId, Reason = "First assessment." }],
            }));
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var page = Render<RiskRegisterPage>();
        WaitUntilSettled(page, () => Assert.NotEmpty(page.FindAll(".risk-register tbody tr")));
        WaitUntilSettled(page, () => Assert.Equal(25, page.FindAll(".risk-register tbody tr").Count));
        Assert.Contains("1–25 of 34", page.Markup, StringComparison.Ordinal);

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
