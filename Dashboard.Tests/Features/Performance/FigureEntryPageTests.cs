using AngleSharp.Dom;
using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Features.Performance;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Performance;

public class FigureEntryPageTests : DashboardTestContext
{
    private static readonly DateOnly November = new(2010, 11, 1);

    public FigureEntryPageTests() => Services.AddScoped<PerformanceCommands>();

    private async Task<IRenderedComponent<IndicatorDetailPage>> RenderAsync(string reference)
    {
        await using var db = await Database.OpenAsync();
        var id = await db.PerformanceIndicators.Where(p => p.Ref == reference).Select(p => p.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<IndicatorDetailPage>(p => p.Add(x => x.Id, id));
        WaitUntilSettled(page, () => Assert.Contains($"{reference}:", page.Markup, StringComparison.Ordinal));
        return page;
    }

    // Found and clicked on the renderer: on PostgreSQL a render can land between finding the button and clicking it.
    private static Task SaveFiguresAsync(IRenderedComponent<IndicatorDetailPage> page) =>
        page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Save figures").Click());

    private static IElement Field(IRenderedComponent<IndicatorDetailPage> page, string label) =>
        page.Find($"input#{page.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for")}");

    [Fact]
    public async Task The_owner_types_a_late_figure_into_the_grid_and_it_is_saved()
    {
        await SignInAsAsync("Lee Carter", Roles.ServiceManager);
        var page = await RenderAsync("LIF 01");

        Field(page, "BDC Nov 2010").Input("97.8");
        Field(page, "BDC Nov 2010 note").Input("Late: system upgrade");
        await SaveFiguresAsync(page);

        page.WaitForAssertion(() => Assert.Contains("Saved 1 figure.", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await using var db = await Database.OpenAsync();
        var saved = await db.PiValues.SingleAsync(v => v.PerformanceIndicator!.Ref == "LIF 01" && v.Council!.Code == "BDC" && v.PeriodStart == new DateOnly(2010, 11, 1), Xunit.TestContext.Current.CancellationToken);
        Assert.Equal((97.8m, "Late: system upgrade"), (saved.Value, saved.Note));
    }

    [Fact]
    public async Task A_wrong_figure_is_named_beside_its_box_and_nothing_is_saved()
    {
        await SignInAsAsync("Lee Carter", Roles.ServiceManager);
        var page = await RenderAsync("LIF 01");

        Field(page, "BDC Nov 2010").Input("ninety");
        Field(page, "RBC Nov 2010").Input("98");
        await SaveFiguresAsync(page);

        page.WaitForAssertion(() => Assert.Contains("\"ninety\" is not a number: enter a percentage, e.g. 43.06.", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("Nothing was saved", page.Markup, StringComparison.Ordinal);
        await using var db = await Database.OpenAsync();
        Assert.False(await db.PiValues.AnyAsync(v => v.PerformanceIndicator!.Ref == "LIF 01" && v.PeriodStart == new DateOnly(2010, 11, 1), Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_figure_being_typed_survives_another_persons_save_which_is_shown_and_then_must_be_saved_over_on_purpose()
    {
        await SignInAsAsync("Sue Marsh", Roles.ServiceManager);
        var page = await RenderAsync("NI 191");
        Field(page, "BDC Nov 2010").Input("41.9");
        var rbcBefore = Field(page, "RBC Nov 2010").GetAttribute("value");

        // An administrator corrects both councils' November figures from another browser; the page hears of it.
        int piId, bdc, rbc;
        await using (var db = await Database.OpenAsync())
        {
            piId = await db.PerformanceIndicators.Where(p => p.Ref == "NI 191").Select(p => p.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
            bdc = await db.Councils.Where(c => c.Code == "BDC").Select(c => c.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
            rbc = await db.Councils.Where(c => c.Code == "RBC").Select(c => c.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var versions = await VersionsAsync(piId, November);
        var administrator = new PerformanceCommands(Database.Factory, await TestUsers.CurrentUserAsync(Database, "Priya Shah", Roles.Administrator), Services.GetRequiredService<Dashboard.Domain.Time.ReportingClock>(), Notifier);
        var (theirs, _) = await administrator.SaveValuesAsync(piId, [new(bdc, November, "40.25", "Weighbridge correction", versions[bdc]), new(rbc, November, "44.5", null, versions[rbc])], Xunit.TestContext.Current.CancellationToken);
        Assert.True(theirs.Succeeded);

        // The box being typed in keeps its text, with theirs named beside it; the untouched box follows their save.
        page.WaitForAssertion(() => Assert.Contains("Changed by Priya Shah at 10:00 on 9 Dec 2010: 40.25 kg (Weighbridge correction)", page.Find("[data-testid='changed-elsewhere']").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal("status", page.Find("[data-testid='changed-elsewhere']").GetAttribute("role"));
        Assert.Equal("41.9", Field(page, "BDC Nov 2010").GetAttribute("value"));
        Assert.Equal("44.50", Field(page, "RBC Nov 2010").GetAttribute("value"));
        Assert.NotEqual(rbcBefore, Field(page, "RBC Nov 2010").GetAttribute("value"));

        // Saving is refused rather than silently replacing their figure; the typing is still there.
        await SaveFiguresAsync(page);
        page.WaitForAssertion(() => Assert.Contains("Someone else saved one of these figures while you were editing.", page.Find("[data-testid='figures-refused']").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("Saving again replaces theirs with yours.", page.Find("[data-testid='figures-refused']").TextContent, StringComparison.Ordinal);
        Assert.Equal("41.9", Field(page, "BDC Nov 2010").GetAttribute("value"));
        Assert.Equal(40.25m, await BdcNovemberAsync(piId, bdc));

        // Having seen theirs, saving again replaces it.
        await SaveFiguresAsync(page);
        page.WaitForAssertion(() => Assert.Contains("Saved 1 figure.", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(41.9m, await BdcNovemberAsync(piId, bdc));
        Assert.Empty(page.FindAll("[data-testid='changed-elsewhere']"));
    }

    [Fact]
    public async Task Reload_takes_the_figure_someone_else_saved_in_place_of_the_typing()
    {
        await SignInAsAsync("Sue Marsh", Roles.ServiceManager);
        var page = await RenderAsync("NI 191");
        Field(page, "BDC Nov 2010").Input("41.9");
        int piId, bdc;
        await using (var db = await Database.OpenAsync())
        {
            piId = await db.PerformanceIndicators.Where(p => p.Ref == "NI 191").Select(p => p.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
            bdc = await db.Councils.Where(c => c.Code == "BDC").Select(c => c.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var administrator = new PerformanceCommands(Database.Factory, await TestUsers.CurrentUserAsync(Database, "Priya Shah", Roles.Administrator), Services.GetRequiredService<Dashboard.Domain.Time.ReportingClock>(), Notifier);
        await administrator.SaveValuesAsync(piId, [new(bdc, November, "40.25", null, (await VersionsAsync(piId, November))[bdc])], Xunit.TestContext.Current.CancellationToken);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid='changed-elsewhere']")), TimeSpan.FromSeconds(10));

        page.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Reload BDC Nov 2010").Click();

        page.WaitForAssertion(() => Assert.Equal("40.25", Field(page, "BDC Nov 2010").GetAttribute("value")), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid='changed-elsewhere']"));
    }

    private async Task<Dictionary<int, Guid?>> VersionsAsync(int piId, DateOnly period)
    {
        await using var db = await Database.OpenAsync();
        return await db.PiValues.Where(v => v.PerformanceIndicatorId == piId && v.PeriodStart == period).ToDictionaryAsync(v => v.CouncilId, v => (Guid?)v.Version, Xunit.TestContext.Current.CancellationToken);
    }

    private async Task<decimal> BdcNovemberAsync(int piId, int bdc)
    {
        await using var db = await Database.OpenAsync();
        return await db.PiValues.Where(v => v.PerformanceIndicatorId == piId && v.CouncilId == bdc && v.PeriodStart == November).Select(v => v.Value).SingleAsync(Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_board_member_sees_no_entry_grid_and_only_administrators_see_targets()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);
        var asBoardMember = await RenderAsync("NI 191");
        Assert.DoesNotContain("Enter figures", asBoardMember.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Save targets", asBoardMember.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_sees_the_targets_grid_with_the_stored_targets()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var page = await RenderAsync("NI 191");

        Assert.Contains("Save targets", page.Markup, StringComparison.Ordinal);
        var targets = page.FindAll(".pi-grid")[^1];
        Assert.Contains("NI 191 targets for 2010/11", targets.TextContent, StringComparison.Ordinal);
        Assert.Equal("47.66", targets.QuerySelectorAll("input")[0].GetAttribute("value"));
    }
}

public sealed class FigureEntryPageTestsOnPostgres : FigureEntryPageTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
