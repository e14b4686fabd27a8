using Dashboard.Domain.Audit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Services;
using Dashboard.Features.Services;
using Dashboard.Live;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Services;

/// <summary>The commands behind Appendix B, called directly as a page would, on the demo database.</summary>
public class BenefitsCommandsTests : DashboardTestContext
{
    public BenefitsCommandsTests() => Services.AddScoped<BenefitsCommands>();

    private BenefitsCommands Commands => Services.GetRequiredService<BenefitsCommands>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

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

    private async Task<List<KeyStandard>> StandardsAsync(int serviceId)
    {
        await using var db = await Database.OpenAsync();
        return await db.KeyStandards.AsNoTracking().Include(k => k.Figures).Include(k => k.PerformanceIndicator)
            .Where(k => k.SharedServiceId == serviceId).OrderBy(k => k.Order).ToListAsync(Ct);
    }

    private async Task<(int Bdc, int Rbc)> CouncilsAsync()
    {
        await using var db = await Database.OpenAsync();
        return (await db.Councils.Where(c => c.Code == "BDC").Select(c => c.Id).SingleAsync(Ct), await db.Councils.Where(c => c.Code == "RBC").Select(c => c.Id).SingleAsync(Ct));
    }

    private async Task<int> IndicatorIdAsync(string reference)
    {
        await using var db = await Database.OpenAsync();
        return await db.PerformanceIndicators.Where(p => p.Ref == reference).Select(p => p.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task The_services_owner_adds_and_corrects_an_expected_result_audited_and_announced()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await ServiceIdAsync("ICT");
        using var announced = new Announcements(Notifier);

        var (added, _) = await Commands.SaveBenefitAsync(ict, BenefitKind.BusinessCase, null, null, new BenefitInput(" Shared service desk for both councils ", "Live at RBC", null), Ct);
        var row = (await BenefitsAsync(ict, BenefitKind.BusinessCase)).Last();
        var (corrected, _) = await Commands.SaveBenefitAsync(ict, BenefitKind.BusinessCase, row.Id, row.Version, new BenefitInput(row.Expected, "Live at both councils", "BDC went live in November"), Ct);

        Assert.True(added.Succeeded);
        Assert.True(corrected.Succeeded);
        var saved = (await BenefitsAsync(ict, BenefitKind.BusinessCase)).Last();
        Assert.Equal(("Shared service desk for both councils", "Live at both councils", "BDC went live in November", 3), (saved.Expected, saved.ActualToDate, saved.Commentary, saved.Order));
        var change = (await announced.AfterFirstAsync())[0];
        Assert.Equal((ChangeArea.Benefits, (int?)ict, "ICT benefits realisation: expected result added"), (change.Area, change.EntityId, change.Summary));
        await using var db = await Database.OpenAsync();
        var trail = await db.AuditEntries.Where(a => a.EntityType == nameof(BenefitEntry) && a.EntityId == row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], trail.Select(a => a.Action));
        Assert.Contains("Live at RBC", trail[1].Changes, StringComparison.Ordinal);
        Assert.Contains("Live at both councils", trail[1].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_who_does_not_own_the_service_changes_nothing()
    {
        var ict = await ServiceIdAsync("ICT");
        var before = await BenefitsAsync(ict, BenefitKind.BusinessCase);
        var standards = await StandardsAsync(ict);
        await SignInAsAsync("Rosa Grant", Roles.ServiceManager);

        var save = await Commands.SaveBenefitAsync(ict, BenefitKind.BusinessCase, before[0].Id, before[0].Version, new BenefitInput("Rewritten", null, null), Ct);
        var remove = await Commands.RemoveBenefitAsync(ict, before[0].Id, before[0].Version, Ct);
        var move = await Commands.MoveBenefitAsync(ict, before[1].Id, -1, Ct);
        var standard = await Commands.SaveKeyStandardAsync(ict, standards[0].Id, standards[0].Version, null, KeyStandardInput.CommentaryOnly("Not mine"), Ct);

        Assert.All(new[] { save.Result, remove, move, standard.Result }, r => Assert.Equal(BenefitsCommands.NotYours, r.Error));
        Assert.Equal(before.Select(b => (b.Id, b.Expected, b.Order)), (await BenefitsAsync(ict, BenefitKind.BusinessCase)).Select(b => (b.Id, b.Expected, b.Order)));
        Assert.Null((await StandardsAsync(ict))[0].Commentary);
    }

    [Fact]
    public async Task A_board_member_can_change_nothing_even_calling_the_commands_directly()
    {
        var ict = await ServiceIdAsync("ICT");
        var before = await BenefitsAsync(ict, BenefitKind.Other);
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);

        var (added, _) = await Commands.SaveBenefitAsync(ict, BenefitKind.Other, null, null, new BenefitInput("A new benefit", null, null), Ct);
        var (standard, _) = await Commands.SaveKeyStandardAsync(ict, null, null, null, new KeyStandardInput(null, "Calls answered", null, null, []), Ct);
        var removed = await Commands.RemoveBenefitAsync(ict, before[0].Id, before[0].Version, Ct);

        Assert.All(new[] { added, standard, removed }, r => Assert.Equal(BenefitsCommands.NotYours, r.Error));
        Assert.Single(await BenefitsAsync(ict, BenefitKind.Other));
        Assert.DoesNotContain(await StandardsAsync(ict), k => k.Description == "Calls answered");
    }

    [Fact]
    public async Task An_administrator_edits_any_live_service_but_not_a_project()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var payroll = await ServiceIdAsync("Payroll");
        var project = await ServiceIdAsync("Environmental Services");

        var (live, _) = await Commands.SaveBenefitAsync(payroll, BenefitKind.OverallSummary, null, null, new BenefitInput("Running smoothly for both councils.", null, null), Ct);
        var (notLive, _) = await Commands.SaveBenefitAsync(project, BenefitKind.OverallSummary, null, null, new BenefitInput("Too early.", null, null), Ct);

        Assert.True(live.Succeeded);
        Assert.Equal("Environmental Services is not live yet: its benefits realisation is reported once it goes live.", notLive.Error);
        Assert.Equal(["Running smoothly for both councils."], (await BenefitsAsync(payroll, BenefitKind.OverallSummary)).Select(b => b.Expected));
        Assert.Empty(await BenefitsAsync(project, BenefitKind.OverallSummary));
        Assert.Equal("That service does not exist.", (await Commands.RemoveBenefitAsync(999_999, 1, Guid.Empty, Ct)).Error);
    }

    [Fact]
    public async Task Bad_input_is_named_per_field_and_saves_nothing()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await ServiceIdAsync("ICT");
        var (bdc, rbc) = await CouncilsAsync();
        var standardsBefore = (await StandardsAsync(ict)).Count;

        var (blank, _) = await Commands.SaveBenefitAsync(ict, BenefitKind.BusinessCase, null, null, new BenefitInput("  ", "x", null), Ct);
        var (badFigure, _) = await Commands.SaveKeyStandardAsync(ict, null, null, null,
            new KeyStandardInput(null, "Calls answered", null, null, [new(bdc, "12", "about 20", null, null), new(rbc, null, null, null, null)]), Ct);

        Assert.Equal("Describe the expected result, as the business case puts it.", blank.FieldErrors["Expected"]);
        Assert.StartsWith("\"about 20\" is not a number", badFigure.FieldErrors[KeyStandardInput.FigureKey(bdc, "YtdTarget")], StringComparison.Ordinal);
        Assert.Equal(2, (await BenefitsAsync(ict, BenefitKind.BusinessCase)).Count);
        Assert.Equal(standardsBefore, (await StandardsAsync(ict)).Count);
    }

    [Fact]
    public async Task A_second_editor_with_a_stale_copy_is_told_and_shown_the_newer_row_not_saved_over_it()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await ServiceIdAsync("ICT");
        var opened = (await BenefitsAsync(ict, BenefitKind.BusinessCase))[1];

        var (first, _) = await Commands.SaveBenefitAsync(ict, BenefitKind.BusinessCase, opened.Id, opened.Version, new BenefitInput(opened.Expected, "Live at both councils since 1 December", null), Ct);
        var (second, newer) = await Commands.SaveBenefitAsync(ict, BenefitKind.BusinessCase, opened.Id, opened.Version, new BenefitInput(opened.Expected, "Still planned", null), Ct);

        Assert.True(first.Succeeded);
        Assert.Equal(BenefitsCommands.ChangedMeanwhile, second.Error);
        Assert.Equal("Live at both councils since 1 December", newer!.ActualToDate);
        Assert.Equal("Live at both councils since 1 December", (await BenefitsAsync(ict, BenefitKind.BusinessCase))[1].ActualToDate);

        // Having seen theirs, saving with the version now shown replaces it deliberately.
        var (third, _) = await Commands.SaveBenefitAsync(ict, BenefitKind.BusinessCase, opened.Id, newer.Version, new BenefitInput(opened.Expected, "Still planned", null), Ct);
        Assert.True(third.Succeeded);
        Assert.Equal("Still planned", (await BenefitsAsync(ict, BenefitKind.BusinessCase))[1].ActualToDate);
    }

    [Fact]
    public async Task Removing_a_row_someone_changed_meanwhile_is_refused_and_a_current_one_goes()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await ServiceIdAsync("ICT");
        var seen = (await BenefitsAsync(ict, BenefitKind.BusinessCase))[0];
        await Commands.SaveBenefitAsync(ict, BenefitKind.BusinessCase, seen.Id, seen.Version, new BenefitInput(seen.Expected, "Achieved", null), Ct);

        var stale = await Commands.RemoveBenefitAsync(ict, seen.Id, seen.Version, Ct);
        var current = (await BenefitsAsync(ict, BenefitKind.BusinessCase))[0];
        var removed = await Commands.RemoveBenefitAsync(ict, current.Id, current.Version, Ct);

        Assert.Equal(BenefitsCommands.ChangedBeforeRemoving, stale.Error);
        Assert.True(removed.Succeeded);
        Assert.DoesNotContain(await BenefitsAsync(ict, BenefitKind.BusinessCase), b => b.Id == seen.Id);
        await using var db = await Database.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(BenefitEntry) && a.Action == AuditAction.Deleted && a.Changes.Contains("Achieved"), Ct));
    }

    [Fact]
    public async Task Moving_a_row_up_swaps_it_with_the_one_above_and_the_first_stays_first()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await ServiceIdAsync("ICT");
        var before = await BenefitsAsync(ict, BenefitKind.BusinessCase);

        Assert.True((await Commands.MoveBenefitAsync(ict, before[1].Id, -1, Ct)).Succeeded);
        Assert.True((await Commands.MoveBenefitAsync(ict, before[1].Id, -1, Ct)).Succeeded);

        Assert.Equal([before[1].Id, before[0].Id], (await BenefitsAsync(ict, BenefitKind.BusinessCase)).Select(b => b.Id));
        Assert.Equal([1, 2], (await BenefitsAsync(ict, BenefitKind.BusinessCase)).Select(b => b.Order));
    }

    [Fact]
    public async Task An_indicator_from_the_catalogue_is_added_once_with_a_commentary_and_its_figures_stay_the_catalogues()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await ServiceIdAsync("ICT");
        var recycling = await IndicatorIdAsync("NI 192");

        var (added, _) = await Commands.SaveKeyStandardAsync(ict, null, null, recycling,
            new KeyStandardInput("typed ref ignored", "ignored", "Paperless working helps", null, []), Ct);
        var (twice, _) = await Commands.SaveKeyStandardAsync(ict, null, null, recycling, KeyStandardInput.CommentaryOnly(null), Ct);

        Assert.True(added.Succeeded);
        Assert.Equal("NI 192 is already in this table.", twice.FieldErrors["Indicator"]);
        var row = (await StandardsAsync(ict)).Single(k => k.PerformanceIndicatorId == recycling);
        Assert.Equal(("Paperless working helps", (string?)null, (string?)null, 2), (row.Commentary, row.Ref, row.Description, row.Order));
        Assert.Empty(row.Figures);
    }

    [Fact]
    public async Task A_retired_indicator_cannot_be_added()
    {
        var ict = await ServiceIdAsync("ICT");
        var recycling = await IndicatorIdAsync("NI 192");
        await using (var db = await Database.OpenAsync())
        {
            var pi = await db.PerformanceIndicators.SingleAsync(p => p.Id == recycling, Ct);
            pi.RetiredOn = new DateOnly(2010, 12, 1);
            await db.SaveChangesAsync(Ct);
        }

        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var (result, _) = await Commands.SaveKeyStandardAsync(ict, null, null, recycling, KeyStandardInput.CommentaryOnly(null), Ct);

        Assert.Equal("NI 192 has been retired: choose an indicator that is still reported.", result.FieldErrors["Indicator"]);
        Assert.DoesNotContain(await StandardsAsync(ict), k => k.PerformanceIndicatorId == recycling);
    }

    [Fact]
    public async Task A_row_of_figures_as_printed_keeps_blanks_blank_and_a_stale_edit_is_refused()
    {
        await SignInAsAsync("Lee Carter", Roles.ServiceManager);
        var cctv = await ServiceIdAsync("CCTV & Lifeline");
        var (bdc, rbc) = await CouncilsAsync();
        var printed = new KeyStandardInput("CL 2", "Lifeline installations within 5 days (%)", null, "Lifeline quarterly return",
            [new(bdc, "91", "95", "96.5", Trend.Improving), new(rbc, null, "95", null, null)]);

        var (added, _) = await Commands.SaveKeyStandardAsync(cctv, null, null, null, printed, Ct);
        var row = (await StandardsAsync(cctv)).Single(k => k.Ref == "CL 2");
        var (first, _) = await Commands.SaveKeyStandardAsync(cctv, row.Id, row.Version, null, printed with { Councils = [new(bdc, "91", "95", "96.5", Trend.Improving), new(rbc, null, null, null, null)] }, Ct);
        var (second, newer) = await Commands.SaveKeyStandardAsync(cctv, row.Id, row.Version, null, printed with { Commentary = "Mine" }, Ct);

        Assert.True(added.Succeeded);
        Assert.True(first.Succeeded);
        Assert.Equal(BenefitsCommands.ChangedMeanwhile, second.Error);
        Assert.Equal([bdc], newer!.Figures.Select(f => f.CouncilId));
        var saved = (await StandardsAsync(cctv)).Single(k => k.Id == row.Id);
        var figure = Assert.Single(saved.Figures);
        Assert.Equal((91m, 95m, 96.5m, Trend.Improving), (figure.Baseline!.Value, figure.YtdTarget!.Value, figure.YtdActual!.Value, figure.Trend!.Value));
        Assert.Null(saved.Commentary);
        await using var db = await Database.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(KeyStandardFigure) && a.Action == AuditAction.Deleted, Ct));
    }

    [Fact]
    public async Task Removing_a_linked_standard_leaves_the_indicator_in_the_catalogue()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await ServiceIdAsync("ICT");
        var row = (await StandardsAsync(ict)).Single(k => k.PerformanceIndicator!.Ref == "ICT 01");

        var result = await Commands.RemoveKeyStandardAsync(ict, row.Id, row.Version, Ct);

        Assert.True(result.Succeeded);
        Assert.Empty(await StandardsAsync(ict));
        await using var db = await Database.OpenAsync();
        Assert.True(await db.PerformanceIndicators.AnyAsync(p => p.Ref == "ICT 01" && p.Values.Count > 0, Ct));
    }
}

public sealed class BenefitsCommandsTestsOnPostgres : BenefitsCommandsTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
