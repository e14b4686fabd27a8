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

    private static IElement Field(IRenderedComponent<IndicatorDetailPage> page, string label) =>
        page.Find($"input#{page.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for")}");

    [Fact]
    public async Task The_owner_types_a_late_figure_into_the_grid_and_it_is_saved()
    {
        await SignInAsAsync("Lee Carter", Roles.ServiceManager);
        var page = await RenderAsync("LIF 01");

        Field(page, "BDC Nov 2010").Input("97.8");
        Field(page, "BDC Nov 2010 note").Input("Late: system upgrade");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Save figures").Click();

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
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Save figures").Click();

        page.WaitForAssertion(() => Assert.Contains("\"ninety\" is not a number: enter a percentage, e.g. 43.06.", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("Nothing was saved", page.Markup, StringComparison.Ordinal);
        await using var db = await Database.OpenAsync();
        Assert.False(await db.PiValues.AnyAsync(v => v.PerformanceIndicator!.Ref == "LIF 01" && v.PeriodStart == new DateOnly(2010, 11, 1), Xunit.TestContext.Current.CancellationToken));
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
