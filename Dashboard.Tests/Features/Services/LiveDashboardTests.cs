using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;
using Dashboard.Features.Board;
using Dashboard.Features.Services;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Services;

public class LiveDashboardTests : DashboardTestContext
{
    public LiveDashboardTests() => Services.AddScoped<StatusCardCommands>();

    [Fact]
    public async Task An_open_board_dashboard_shows_a_saved_card_without_reload_and_says_what_changed()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var dashboard = Render<BoardDashboardPage>();
        WaitUntilSettled(dashboard, () => Assert.NotNull(dashboard.Find("tr[data-service='ICT'] [aria-label='Status Green']")));
        dashboard.WaitForAssertion(() => Assert.True(Notifier.SubscriberCount >= 1), TimeSpan.FromSeconds(10));
        int ict;
        Guid version;
        await using (var db = await Database.OpenAsync())
        {
            ict = await db.SharedServices.Where(s => s.Name == "ICT").Select(s => s.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
            version = await db.StatusUpdates.Where(u => u.SharedServiceId == ict && u.Period == new DateOnly(2010, 12, 1)).Select(u => u.Version).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var (result, _) = await Services.GetRequiredService<StatusCardCommands>()
            .SaveAsync(ict, version, new StatusCardInput(Rag.Amber, "Virtualisation slipped to January.", "Supplier delay."), Xunit.TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded);

        dashboard.WaitForAssertion(() => Assert.NotNull(dashboard.Find("tr[data-service='ICT'] [aria-label='Status Amber']")), TimeSpan.FromSeconds(5));
        var row = dashboard.Find("tr[data-service='ICT']");
        Assert.Contains("Virtualisation slipped to January.", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("row-changed", row.ClassList);
        dashboard.WaitForAssertion(() => Assert.Contains(dashboard.FindAll("[role='status'][aria-live='polite']"), s => s.TextContent.Contains("ICT status set to Amber", StringComparison.Ordinal)), TimeSpan.FromSeconds(5));

        // The highlight is brief.
        Time.Advance(TimeSpan.FromSeconds(7));
        dashboard.WaitForAssertion(() => Assert.DoesNotContain("row-changed", dashboard.Find("tr[data-service='ICT']").ClassList), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Two_hundred_dashboards_opened_and_closed_leave_no_subscription_behind()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);

        for (var i = 0; i < 200; i++)
        {
            var widget = Render<LiveServicesWidget>();
            WaitUntilSettled(widget, () => Assert.DoesNotContain("Loading services", widget.Markup, StringComparison.Ordinal));
            Assert.Equal(1, Notifier.SubscriberCount);
            await DisposeComponentsAsync();
            Assert.Equal(0, Notifier.SubscriberCount);
        }

        Assert.Equal(0, Notifier.SubscriberCount);
    }
}

public sealed class LiveDashboardTestsOnPostgres : LiveDashboardTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
