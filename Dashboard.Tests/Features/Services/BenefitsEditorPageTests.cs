using AngleSharp.Dom;
using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;
using Dashboard.Features.Services;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Features.Services;

/// <summary>The Appendix B editor page as its users meet it, on the demo database.</summary>
public class BenefitsEditorPageTests : DashboardTestContext
{
    public BenefitsEditorPageTests()
    {
        Services.AddScoped<BenefitsCommands>();
        Services.AddScoped<StatusCardCommands>();
        Services.AddScoped<ProjectCommands>();
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private IRenderedComponent<MudDialogProvider> dialogs = null!;

    private async Task<int> ServiceIdAsync(string name)
    {
        await using var db = await Database.OpenAsync();
        return await db.SharedServices.Where(s => s.Name == name).Select(s => s.Id).SingleAsync(Ct);
    }

    private async Task<List<BenefitEntry>> BenefitsAsync(int serviceId, BenefitKind kind)
    {
        await using var db = await Database.OpenAsync();
        return await db.BenefitEntries.AsNoTracking().Where(b => b.SharedServiceId == serviceId && b.Kind == kind).OrderBy(b => b.Order).ToListAsync(Ct);
    }

    private IRenderedComponent<BenefitsRealisationEditorPage> Open(int serviceId, string shown)
    {
        Render<MudPopoverProvider>();
        dialogs = Render<MudDialogProvider>();
        var page = Render<BenefitsRealisationEditorPage>(p => p.Add(x => x.Id, serviceId));
        WaitUntilSettled(page, () => Assert.Contains(shown, string.Concat(page.Nodes.Select(n => n.TextContent)), StringComparison.Ordinal));
        return page;
    }

    private static IElement Section(IRenderedComponent<BenefitsRealisationEditorPage> page, BenefitKind kind) => page.Find($"section[data-kind='{kind}']");

    private static IElement Button(IElement scope, string text) =>
        scope.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);

    private static IElement Field(IElement scope, string field) =>
        scope.QuerySelector($"[data-field='{field}'] textarea, textarea[data-field='{field}'], [data-field='{field}'] input, input[data-field='{field}']")
        ?? throw new InvalidOperationException($"No field {field}");

    [Fact]
    public async Task The_owner_adds_an_expected_result_and_the_row_is_listed_and_saved()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await ServiceIdAsync("ICT");
        var page = Open(ict, "Benefits realisation: ICT");

        Button(Section(page, BenefitKind.BusinessCase), "Add an expected result").Click();
        var form = Section(page, BenefitKind.BusinessCase).QuerySelector("[data-draft='new']")!;
        Field(form, "Expected").Change("Shared service desk for both councils");
        Field(form, "ActualToDate").Change("Live at RBC, BDC in January");
        Button(Section(page, BenefitKind.BusinessCase).QuerySelector("[data-draft='new']")!, "Save").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Empty(Section(page, BenefitKind.BusinessCase).QuerySelectorAll("[data-draft]"));
            Assert.Equal(3, Section(page, BenefitKind.BusinessCase).QuerySelectorAll("li.report-row").Length);
        }, TimeSpan.FromSeconds(10));
        Assert.Contains("Shared service desk for both councils", Section(page, BenefitKind.BusinessCase).TextContent, StringComparison.Ordinal);
        var saved = (await BenefitsAsync(ict, BenefitKind.BusinessCase)).Last();
        Assert.Equal(("Shared service desk for both councils", "Live at RBC, BDC in January"), (saved.Expected, saved.ActualToDate));
    }

    [Fact]
    public async Task A_blank_row_is_refused_beside_the_field_and_what_was_typed_stays()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await ServiceIdAsync("ICT");
        var page = Open(ict, "Benefits realisation: ICT");

        Button(Section(page, BenefitKind.BusinessCase), "Add an expected result").Click();
        Field(Section(page, BenefitKind.BusinessCase), "ActualToDate").Change("Half done");
        Button(Section(page, BenefitKind.BusinessCase).QuerySelector("[data-draft='new']")!, "Save").Click();

        page.WaitForAssertion(() => Assert.Contains("Describe the expected result, as the business case puts it.", Section(page, BenefitKind.BusinessCase).TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("Nothing has been saved", Section(page, BenefitKind.BusinessCase).TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await BenefitsAsync(ict, BenefitKind.BusinessCase)).Count);
        Field(Section(page, BenefitKind.BusinessCase), "Expected").Change("Shared service desk");
        Button(Section(page, BenefitKind.BusinessCase).QuerySelector("[data-draft='new']")!, "Save").Click();
        page.WaitForAssertion(() => Assert.Empty(Section(page, BenefitKind.BusinessCase).QuerySelectorAll("[data-draft]")), TimeSpan.FromSeconds(10));
        Assert.Equal("Half done", Assert.Single(await BenefitsAsync(ict, BenefitKind.BusinessCase), b => b.Expected == "Shared service desk").ActualToDate);
    }

    [Fact]
    public async Task What_is_being_typed_survives_a_live_refresh_from_someone_elses_save()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await ServiceIdAsync("ICT");
        var page = Open(ict, "Benefits realisation: ICT");
        var first = (await BenefitsAsync(ict, BenefitKind.BusinessCase))[0];

        Button(Section(page, BenefitKind.BusinessCase).QuerySelector($"li[data-row='{first.Id}']")!, "Edit").Click();
        Field(Section(page, BenefitKind.BusinessCase), "ActualToDate").Change("£120k on course; £40k already banked");

        // Someone else adds another benefit: the page hears of it and reloads its rows.
        var (other, _) = await Services.GetRequiredService<BenefitsCommands>().SaveBenefitAsync(ict, BenefitKind.Other, null, null, new BenefitInput("Joint telephony contract", null, null), Ct);
        Assert.True(other.Succeeded);
        page.WaitForAssertion(() => Assert.Contains("Joint telephony contract", Section(page, BenefitKind.Other).TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        await page.InvokeAsync(() => Button(Section(page, BenefitKind.BusinessCase).QuerySelector($"li[data-row='{first.Id}']")!, "Save").Click());
        page.WaitForAssertion(() => Assert.Empty(Section(page, BenefitKind.BusinessCase).QuerySelectorAll("[data-draft]")), TimeSpan.FromSeconds(10));
        Assert.Equal("£120k on course; £40k already banked", (await BenefitsAsync(ict, BenefitKind.BusinessCase))[0].ActualToDate);
        Assert.Contains("£120k on course; £40k already banked", Section(page, BenefitKind.BusinessCase).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_editor_is_shown_the_newer_row_and_their_text_is_not_saved_over_it()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await ServiceIdAsync("ICT");
        var page = Open(ict, "Benefits realisation: ICT");
        var row = (await BenefitsAsync(ict, BenefitKind.OverallSummary))[0];

        Button(Section(page, BenefitKind.OverallSummary).QuerySelector($"li[data-row='{row.Id}']")!, "Edit").Click();
        Field(Section(page, BenefitKind.OverallSummary), "Expected").Change("My summary");
        var (theirs, _) = await Services.GetRequiredService<BenefitsCommands>().SaveBenefitAsync(ict, BenefitKind.OverallSummary, row.Id, row.Version, new BenefitInput("Their summary", null, null), Ct);
        Assert.True(theirs.Succeeded);

        // Their save reaches this page live at a moment of its own: find and click in one go on the renderer.
        await page.InvokeAsync(() => Button(Section(page, BenefitKind.OverallSummary).QuerySelector($"li[data-row='{row.Id}']")!, "Save").Click());

        page.WaitForAssertion(() => Assert.Contains(BenefitsCommands.ChangedMeanwhile, Section(page, BenefitKind.OverallSummary).TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("Their summary", page.Find("[data-testid='benefit-refused']").TextContent, StringComparison.Ordinal);
        Assert.Equal("Their summary", (await BenefitsAsync(ict, BenefitKind.OverallSummary))[0].Expected);
    }

    [Fact]
    public async Task Removing_a_row_asks_first_and_keeping_it_changes_nothing()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await ServiceIdAsync("ICT");
        var page = Open(ict, "Benefits realisation: ICT");
        var row = (await BenefitsAsync(ict, BenefitKind.Other))[0];

        Button(Section(page, BenefitKind.Other).QuerySelector($"li[data-row='{row.Id}']")!, "Remove").Click();
        WaitUntilSettled(dialogs, () => Assert.Contains("will be removed from other benefits (not in the business case)", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep it").Click();
        Assert.Single(await BenefitsAsync(ict, BenefitKind.Other));

        Button(Section(page, BenefitKind.Other).QuerySelector($"li[data-row='{row.Id}']")!, "Remove").Click();
        WaitUntilSettled(dialogs, () => Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == "Remove"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").Click();

        page.WaitForAssertion(() => Assert.Contains("No other benefits recorded.", Section(page, BenefitKind.Other).TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(await BenefitsAsync(ict, BenefitKind.Other));
    }

    [Fact]
    public async Task Moving_a_row_down_puts_it_below_the_next()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await ServiceIdAsync("ICT");
        var page = Open(ict, "Benefits realisation: ICT");
        var before = await BenefitsAsync(ict, BenefitKind.BusinessCase);

        var firstRow = Section(page, BenefitKind.BusinessCase).QuerySelector($"li[data-row='{before[0].Id}']")!;
        Assert.True(firstRow.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Up").HasAttribute("disabled"));
        firstRow.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Down").Click();

        page.WaitForAssertion(() => Assert.Equal(
            [before[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            Section(page, BenefitKind.BusinessCase).QuerySelectorAll("li.report-row").Select(li => li.GetAttribute("data-row"))), TimeSpan.FromSeconds(10));
        Assert.Equal([before[1].Id, before[0].Id], (await BenefitsAsync(ict, BenefitKind.BusinessCase)).Select(b => b.Id));
    }

    [Fact]
    public async Task A_row_of_figures_as_printed_is_checked_then_saved_and_shown_on_the_service_page()
    {
        await SignInAsAsync("Lee Carter", Roles.ServiceManager);
        var cctv = await ServiceIdAsync("CCTV & Lifeline");
        var page = Open(cctv, "Benefits realisation: CCTV & Lifeline");
        IElement Standards() => page.Find("section[aria-labelledby='key-standards-heading']");
        IElement Bdc() => Standards().QuerySelector("[data-draft='0'] fieldset[data-council='BDC']")!;

        Button(Standards(), "Add a row of figures as printed").Click();
        Field(Standards(), "Description").Change("Lifeline installations within 5 days (%)");
        Field(Bdc(), "YtdTarget").Change("95");
        Field(Bdc(), "YtdActual").Change("ninety");
        Field(Standards(), "Source").Change("Lifeline quarterly return");
        await page.InvokeAsync(() => Button(Standards().QuerySelector("[data-draft='0']")!, "Save").Click());

        page.WaitForAssertion(() => Assert.Contains("\"ninety\" is not a number", Standards().TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await page.InvokeAsync(() => Field(Bdc(), "YtdActual").Change("96.5"));
        await page.InvokeAsync(() => Button(Standards().QuerySelector("[data-draft='0']")!, "Save").Click());
        page.WaitForAssertion(() => Assert.Contains("BDC: YTD target 95, YTD actual 96.5", Standards().TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("RBC: nothing printed", Standards().TextContent, StringComparison.Ordinal);

        var servicePage = Render<ServicePage>(p => p.Add(x => x.Id, cctv));
        servicePage.WaitForAssertion(() => Assert.NotNull(servicePage.Find(".key-standards tr[data-standard='entered']")), TimeSpan.FromSeconds(10));
        var row = servicePage.Find(".key-standards tr[data-standard='entered']");
        Assert.Contains("Source: Lifeline quarterly return", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Not printed", "95", "96.5", "Not printed"], row.QuerySelectorAll("td[data-council='BDC']").Select(td => td.TextContent.Replace("–", "", StringComparison.Ordinal).Trim()));
        Assert.Contains(servicePage.FindAll("a"), a => a.TextContent.Contains("Edit benefits realisation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_board_member_reads_who_may_edit_and_gets_no_forms()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);
        var ict = await ServiceIdAsync("ICT");

        var page = Open(ict, "Benefits realisation: ICT");

        Assert.Contains(BenefitsCommands.NotYours, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Add", StringComparison.Ordinal));
        var servicePage = Render<ServicePage>(p => p.Add(x => x.Id, ict));
        servicePage.WaitForAssertion(() => Assert.NotNull(servicePage.Find(".key-standards")), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(servicePage.FindAll("a"), a => a.TextContent.Contains("Edit benefits realisation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_project_or_an_unknown_service_says_so()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var project = await ServiceIdAsync("Environmental Services");

        Open(project, "Environmental Services is not live yet");
        var unknown = Render<BenefitsRealisationEditorPage>(p => p.Add(x => x.Id, 999_999));
        unknown.WaitForAssertion(() => Assert.Equal("Service not found", unknown.Find("h1").TextContent), TimeSpan.FromSeconds(10));
    }
}

public sealed class BenefitsEditorPageTestsOnPostgres : BenefitsEditorPageTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
