using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;
using Dashboard.Features.Services;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Features.Services;

public class HighlightReportEditorTests : DashboardTestContext
{
    public HighlightReportEditorTests() => Services.AddScoped<ProjectCommands>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await HighlightReportFixtures.AddEnvironmentalServicesReportsAsync(Database);
    }

    private async Task<int> ProjectIdAsync(string name)
    {
        await using var db = await Database.OpenAsync();
        return await db.SharedServices.Where(s => s.Name == name).Select(s => s.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private async Task<List<HighlightReport>> ReportsAsync(int projectId)
    {
        await using var db = await Database.OpenAsync();
        return await db.HighlightReports.AsNoTracking().Include(r => r.Activities).Where(r => r.SharedServiceId == projectId)
            .OrderBy(r => r.PeriodEnding).ToListAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private IRenderedComponent<HighlightReportEditorPage> OpenNew(int projectId)
    {
        Render<MudPopoverProvider>();
        var page = Render<HighlightReportEditorPage>(p => p.Add(e => e.ServiceId, projectId));
        WaitUntilSettled(page, () => Assert.StartsWith("New highlight report", page.Find("h1").TextContent, StringComparison.Ordinal));
        return page;
    }

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<HighlightReportEditorPage> page, string field) =>
        page.Find($"[data-field='{field}'] textarea, [data-field='{field}'] input, textarea[data-field='{field}'], input[data-field='{field}']");

    private static void Type(IRenderedComponent<HighlightReportEditorPage> page, string field, string text) => Field(page, field).Change(text);

    private static void Save(IRenderedComponent<HighlightReportEditorPage> page) =>
        page.FindAll("button").Single(b => b.TextContent.Contains("Save highlight report", StringComparison.Ordinal)).Click();

    private static void FieldError(IRenderedComponent<HighlightReportEditorPage> page, string text) =>
        Assert.Contains(page.FindAll(".mud-input-helper-text.mud-input-error"), e => e.TextContent.Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task A_new_report_starts_from_last_months_plan_and_records_progress_against_each()
    {
        await SignInAsAsync("Sue Marsh", Roles.ServiceManager);
        var project = await ProjectIdAsync("Environmental Services");
        using var announced = new Announcements(Notifier);
        var page = OpenNew(project);

        var carried = page.FindAll("[data-row^='ThisPeriod'] input").Where(i => i.GetAttribute("value") is { Length: > 0 }).Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["Appoint Tree Officer and Senior Street Cleansing Operative (BDC)", "Agree options for the Redditch Transport section review"], carried);

        Type(page, "SummaryPosition", "Both vacant posts filled; Transport options paper drafted.");
        Type(page, "ThisPeriod[0].Progress", "Both appointed in December.");
        Type(page, "ThisPeriod[1].Progress", "Options paper to CMT in January.");
        Save(page);

        var change = Assert.Single(await announced.AfterFirstAsync());
        var december = (await ReportsAsync(project)).Last();
        Assert.Equal(new DateOnly(2010, 12, 31), december.PeriodEnding);
        Assert.Equal(65, december.PercentComplete);
        Assert.Equal(
            [("Appoint Tree Officer and Senior Street Cleansing Operative (BDC)", "Both appointed in December."), ("Agree options for the Redditch Transport section review", "Options paper to CMT in January.")],
            december.Activities.Where(a => a.Period == ActivityPeriod.ThisPeriod).OrderBy(a => a.Order).Select(a => (a.Description, a.Progress)));
        Assert.Equal("Environmental Services highlight report for the period ending 31 December 2010 saved", change.Summary);
    }

    [Fact]
    public async Task A_second_writer_of_the_same_months_report_sees_the_first_one_keeps_their_text_and_can_replace_it()
    {
        await SignInAsAsync("Sue Marsh", Roles.ServiceManager);
        var project = await ProjectIdAsync("Environmental Services");
        var page = OpenNew(project);
        Type(page, "SummaryPosition", "Second writer's summary.");
        Type(page, "ThisPeriod[0].Progress", "Appointed.");
        Type(page, "ThisPeriod[1].Progress", "Drafted.");

        var first = HighlightReportInput.StartAfter((await ReportsAsync(project)).Last(), new SharedService { Name = "Environmental Services" }, Rag.Amber, new DateOnly(2010, 12, 9));
        first.SummaryPosition = "First writer's summary.";
        first.ThisPeriod.ForEach(a => a.Progress = "Done.");
        Assert.True((await Services.GetRequiredService<ProjectCommands>().SaveHighlightReportAsync(project, null, null, first, Xunit.TestContext.Current.CancellationToken)).Result.Succeeded);

        Save(page);

        WaitUntilSettled(page, () => Assert.Equal(ProjectCommands.SavedMeanwhile, page.Find("[data-testid='report-refused']").TextContent));
        Assert.Contains("First writer's summary.", page.Find("[data-testid='newer-report']").TextContent, StringComparison.Ordinal);
        Assert.Equal("Second writer's summary.", Field(page, "SummaryPosition").GetAttribute("value") ?? Field(page, "SummaryPosition").TextContent);
        Assert.Equal("First writer's summary.", (await ReportsAsync(project)).Last().SummaryPosition);

        Save(page);

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/services/{project}", navigation.Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal("Second writer's summary.", (await ReportsAsync(project)).Last().SummaryPosition);
        Assert.Equal(3, (await ReportsAsync(project)).Count);
    }

    [Fact]
    public async Task Bad_values_are_explained_beside_their_fields_and_nothing_is_saved()
    {
        await SignInAsAsync("Sue Marsh", Roles.ServiceManager);
        var project = await ProjectIdAsync("Environmental Services");
        var page = OpenNew(project);

        Type(page, "PercentComplete", "150");
        Save(page);

        page.WaitForAssertion(() => FieldError(page, "% complete must be between 0 and 100."), TimeSpan.FromSeconds(10));
        FieldError(page, "Summarise the project's position for the board.");
        FieldError(page, "Record progress against this activity.");
        Assert.Contains("The report has not been saved", page.Find("[data-testid='report-refused']").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await ReportsAsync(project)).Count);
    }

    [Fact]
    public async Task Projected_completion_before_the_start_is_refused_by_the_server()
    {
        await SignInAsAsync("Sue Marsh", Roles.ServiceManager);
        var project = await ProjectIdAsync("Environmental Services");
        var input = new HighlightReportInput
        {
            PeriodEnding = new DateOnly(2010, 12, 31), Rag = Rag.Amber, PercentComplete = 70, SummaryPosition = "On plan.",
            ProjectStartDate = new DateOnly(2010, 5, 1), ProjectedCompletionDate = new DateOnly(2010, 4, 1),
        };

        var (result, _, _) = await Services.GetRequiredService<ProjectCommands>().SaveHighlightReportAsync(project, null, null, input, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal("Projected completion cannot be before the start date (1 May 2010).", result.FieldErrors["ProjectedCompletionDate"]);
        Assert.Equal(2, (await ReportsAsync(project)).Count);
    }

    [Fact]
    public async Task Another_projects_manager_can_neither_open_the_form_nor_save()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var project = await ProjectIdAsync("Environmental Services");

        var page = Render<HighlightReportEditorPage>(p => p.Add(e => e.ServiceId, project));
        page.WaitForAssertion(() => Assert.Contains(ProjectCommands.NotYours, page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        var input = new HighlightReportInput
        {
            PeriodEnding = new DateOnly(2010, 12, 31), Rag = Rag.Green, PercentComplete = 70, SummaryPosition = "Not mine.",
            ProjectStartDate = new DateOnly(2010, 5, 1), ProjectedCompletionDate = new DateOnly(2011, 3, 31),
        };
        var (result, _, _) = await Services.GetRequiredService<ProjectCommands>().SaveHighlightReportAsync(project, null, null, input, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(ProjectCommands.NotYours, result.Error);
        Assert.Equal(2, (await ReportsAsync(project)).Count);
    }

    [Fact]
    public async Task Correcting_a_report_from_a_stale_copy_is_refused()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var project = await ProjectIdAsync("Environmental Services");
        var november = (await ReportsAsync(project)).Last();
        var commands = Services.GetRequiredService<ProjectCommands>();
        var first = HighlightReportInput.From(november);
        first.SummaryPosition = "Corrected by the first editor.";
        Assert.True((await commands.SaveHighlightReportAsync(project, november.Id, november.Version, first, Xunit.TestContext.Current.CancellationToken)).Result.Succeeded);

        var second = HighlightReportInput.From(november);
        second.SummaryPosition = "Second editor from an old page.";
        var (stale, _, newer) = await commands.SaveHighlightReportAsync(project, november.Id, november.Version, second, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal(ProjectCommands.SavedMeanwhile, stale.Error);
        Assert.Equal("Corrected by the first editor.", newer?.SummaryPosition);
        Assert.Equal("Corrected by the first editor.", (await ReportsAsync(project)).Last().SummaryPosition);
    }
}

public sealed class HighlightReportEditorTestsOnPostgres : HighlightReportEditorTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
