using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;
using Dashboard.Features.Services;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Features.Services;

public class GoLiveTests : DashboardTestContext
{
    public GoLiveTests()
    {
        Services.AddScoped<StatusCardCommands>();
        Services.AddScoped<ProjectCommands>();
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await HighlightReportFixtures.AddEnvironmentalServicesReportsAsync(Database);
    }

    private async Task<int> EnvironmentalServicesAsync()
    {
        await using var db = await Database.OpenAsync();
        return await db.SharedServices.Where(s => s.Name == "Environmental Services").Select(s => s.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private async Task<SharedService> ServiceAsync(int id)
    {
        await using var db = await Database.OpenAsync();
        return await db.SharedServices.AsNoTracking().SingleAsync(s => s.Id == id, Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_administrator_confirms_and_the_project_joins_the_live_services_keeping_its_history()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var id = await EnvironmentalServicesAsync();
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var page = Render<ServicePage>(p => p.Add(s => s.Id, id));
        WaitUntilSettled(page, () => Assert.NotNull(page.Find("#go-live")));

        page.FindAll("#go-live button").Single(b => b.TextContent.Contains("Mark as live", StringComparison.Ordinal)).Click();
        WaitUntilSettled(dialogs, () => Assert.Contains("Environmental Services will leave the projects table and join the live shared services from 9 December 2010.", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(ServicePhase.ProjectUnderway, (await ServiceAsync(id)).Phase);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Mark as live").Click();

        page.WaitForAssertion(() => Assert.StartsWith("Live shared service since 9 December 2010", page.Find("[data-testid='service-phase']").TextContent.Trim(), StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var service = await ServiceAsync(id);
        Assert.Equal((ServicePhase.Live, new DateOnly(2010, 12, 9)), (service.Phase, service.GoLiveDate));
        Assert.Equal(3, page.FindAll(".status-timeline tbody tr").Count);
        // Appendix B's household waste row, as printed: BDC 142.99 / 146.98 / Worsening; RBC a target of 578 and nothing else.
        var waste = page.Find(".key-standards tr[data-standard='entered']");
        Assert.Contains("Household waste (kg)", waste.TextContent, StringComparison.Ordinal);
        Assert.Contains("Source: Progress report of 9 December 2010, Appendix B", waste.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Not printed", "142.99", "146.98", "Worsening", "Not printed", "578", "Not printed", "Not printed"],
            waste.QuerySelectorAll("td[data-council]").Select(td => td.TextContent.Replace("–", "", StringComparison.Ordinal).Trim()));
        Assert.Equal(2, page.FindAll(".highlight-report").Count);
    }

    [Fact]
    public async Task Cancelling_the_confirmation_changes_nothing()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var id = await EnvironmentalServicesAsync();
        var dialogs = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var page = Render<ServicePage>(p => p.Add(s => s.Id, id));
        WaitUntilSettled(page, () => Assert.NotNull(page.Find("#go-live")));

        page.FindAll("#go-live button").Single(b => b.TextContent.Contains("Mark as live", StringComparison.Ordinal)).Click();
        WaitUntilSettled(dialogs, () => Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == "Cancel"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        Assert.Equal(ServicePhase.ProjectUnderway, (await ServiceAsync(id)).Phase);
    }

    [Fact]
    public async Task The_projects_own_manager_cannot_mark_it_live()
    {
        await SignInAsAsync("Sue Marsh", Roles.ServiceManager);
        var id = await EnvironmentalServicesAsync();

        var result = await Services.GetRequiredService<ProjectCommands>().GoLiveAsync(id, new DateOnly(2010, 12, 1), Xunit.TestContext.Current.CancellationToken);

        Assert.Equal(ProjectCommands.OnlyAdministrators, result.Error);
        Assert.Equal(ServicePhase.ProjectUnderway, (await ServiceAsync(id)).Phase);
    }

    [Fact]
    public async Task A_date_in_the_future_is_refused_with_the_reason()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var id = await EnvironmentalServicesAsync();

        var result = await Services.GetRequiredService<ProjectCommands>().GoLiveAsync(id, new DateOnly(2011, 1, 1), Xunit.TestContext.Current.CancellationToken);

        Assert.StartsWith("A service can only be marked live on or after the day it goes live", result.FieldErrors["GoLiveDate"], StringComparison.Ordinal);
        Assert.Equal(ServicePhase.ProjectUnderway, (await ServiceAsync(id)).Phase);
    }
}

public sealed class GoLiveTestsOnPostgres : GoLiveTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
