using Bunit;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Features.Performance;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Features.Performance;

public class NewIndicatorTests : DashboardTestContext
{
    public NewIndicatorTests() => Services.AddScoped<PerformanceCommands>();

    private PerformanceCommands Commands => Services.GetRequiredService<PerformanceCommands>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<NewIndicatorInput> MissedBinsAsync()
    {
        await using var db = await Database.OpenAsync();
        return new NewIndicatorInput
        {
            Ref = "LPI 07",
            Description = "Missed bins per 100,000 collections",
            Unit = "per 100,000",
            Polarity = Polarity.LowerIsBetter,
            Frequency = CollectionFrequency.Monthly,
            Aggregation = YtdAggregation.Average,
            OwnerId = await db.People.Where(p => p.Name == "Sue Marsh").Select(p => p.Id).SingleAsync(Ct),
            SharedServiceId = await db.SharedServices.Where(s => s.Name == "Environmental Services").Select(s => s.Id).SingleAsync(Ct),
        };
    }

    private async Task<int> IndicatorCountAsync()
    {
        await using var db = await Database.OpenAsync();
        return await db.PerformanceIndicators.CountAsync(Ct);
    }

    [Fact]
    public async Task An_administrator_adds_an_indicator_that_is_audited_and_announced()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        using var announced = new Announcements(Notifier);

        var (result, id) = await Commands.CreateIndicatorAsync(await MissedBinsAsync(), Ct);

        Assert.True(result.Succeeded);
        await using var db = await Database.OpenAsync();
        var pi = await db.PerformanceIndicators.Include(p => p.Owner).Include(p => p.SharedService).SingleAsync(p => p.Id == id, Ct);
        Assert.Equal(("LPI 07", "per 100,000", 5m, "Sue Marsh", "Environmental Services"), (pi.Ref, pi.Unit, pi.TolerancePercent, pi.Owner!.Name, pi.SharedService!.Name));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PerformanceIndicator) && a.Action == AuditAction.Created && a.Changes.Contains("LPI 07"), Ct));
        Assert.Equal("LPI 07 added to the catalogue", Assert.Single(await announced.AfterFirstAsync()).Summary);
    }

    [Fact]
    public async Task A_service_manager_cannot_add_an_indicator()
    {
        await SignInAsAsync("Sue Marsh", Roles.ServiceManager);
        var before = await IndicatorCountAsync();

        var (result, id) = await Commands.CreateIndicatorAsync(await MissedBinsAsync(), Ct);

        Assert.Equal(PerformanceCommands.CatalogueAdministratorsOnly, result.Error);
        Assert.Null(id);
        Assert.Equal(before, await IndicatorCountAsync());
    }

    [Fact]
    public async Task A_reference_in_use_or_an_owner_who_does_not_exist_changes_nothing()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var before = await IndicatorCountAsync();
        var input = await MissedBinsAsync();
        input.Ref = "ni 191";
        input.OwnerId = 99_999;

        var (result, _) = await Commands.CreateIndicatorAsync(input, Ct);

        Assert.Equal("NI 191 is already in the catalogue: choose another reference.", result.FieldErrors["Ref"]);
        Assert.Equal("That person is not in the dashboard: choose another.", result.FieldErrors["OwnerId"]);
        Assert.Equal(before, await IndicatorCountAsync());
    }

    [Fact]
    public async Task The_form_explains_each_missing_field_and_adds_nothing()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var before = await IndicatorCountAsync();
        Render<MudPopoverProvider>();
        var page = Render<NewIndicatorPage>();
        WaitUntilSettled(page, () => Assert.NotEmpty(page.FindAll("[data-field='Ref'] input, input[data-field='Ref']")));

        page.Find("[data-field='Description'] input, input[data-field='Description']").Change("Missed bins");
        page.FindAll("button").Single(b => b.TextContent.Contains("Add indicator", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Contains("The indicator has not been added", page.Find("[data-testid='indicator-refused']").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var messages = page.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent).ToList();
        Assert.Contains("Give the indicator its reference, e.g. NI 191.", messages);
        Assert.Contains("Choose who reports the figures.", messages);
        Assert.DoesNotContain("Describe the indicator.", messages);
        Assert.Equal("Missed bins", page.Find("[data-field='Description'] input, input[data-field='Description']").GetAttribute("value"));
        Assert.Equal(before, await IndicatorCountAsync());
        Assert.DoesNotContain("/performance/", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }
}

public sealed class NewIndicatorTestsOnPostgres : NewIndicatorTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
