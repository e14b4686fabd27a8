using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;
using Dashboard.Features.Services;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Features.Services;

public sealed class HighlightReportEditorTests : DashboardTestContext
{
    public HighlightReportEditorTests() => Services.AddScoped<ProjectCommands>();

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
        page.WaitForAssertion(() => Assert.StartsWith("New highlight report", page.Find("h1").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        return page;
    }

    private static void Type(IRenderedComponent<HighlightReportEditorPage> page, string field, string text) =>
        page.Find($"[data-field='{field}'] textarea, [data-field='{field}'] input, textarea[data-field='{field}'], input[data-field='{field}']").Change(text);

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

        var (result, _) = await Services.GetRequiredService<ProjectCommands>().SaveHighlightReportAsync(project, null, null, input, Xunit.TestContext.Current.CancellationToken);

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
        var (result, _) = await Services.GetRequiredService<ProjectCommands>().SaveHighlightReportAsync(project, null, null, input, Xunit.TestContext.Current.CancellationToken);
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
        var (stale, _) = await commands.SaveHighlightReportAsync(project, november.Id, november.Version, second, Xunit.TestContext.Current.CancellationToken);

        Assert.StartsWith("Someone else saved a highlight report for this project while you were editing.", stale.Error, StringComparison.Ordinal);
        Assert.Equal("Corrected by the first editor.", (await ReportsAsync(project)).Last().SummaryPosition);
    }
}
