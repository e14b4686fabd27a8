using Dashboard.Domain.Audit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Time;
using Dashboard.Features.Performance;
using Dashboard.Live;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Performance;

public class PerformanceCommandsTests : DashboardTestContext
{
    private static readonly DateOnly November = new(2010, 11, 1);

    public PerformanceCommandsTests() => Services.AddScoped<PerformanceCommands>();

    private PerformanceCommands Commands => Services.GetRequiredService<PerformanceCommands>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<(int PiId, int Bdc, int Rbc)> IdsAsync(string reference)
    {
        await using var db = await Database.OpenAsync();
        var pi = await db.PerformanceIndicators.SingleAsync(p => p.Ref == reference, Ct);
        return (pi.Id, await db.Councils.Where(c => c.Code == "BDC").Select(c => c.Id).SingleAsync(Ct), await db.Councils.Where(c => c.Code == "RBC").Select(c => c.Id).SingleAsync(Ct));
    }

    private async Task<List<PiValue>> ValuesAsync(int piId, DateOnly period)
    {
        await using var db = await Database.OpenAsync();
        return await db.PiValues.Where(v => v.PerformanceIndicatorId == piId && v.PeriodStart == period).OrderBy(v => v.CouncilId).ToListAsync(Ct);
    }

    [Fact]
    public async Task The_owner_enters_a_missing_figure_and_corrects_another_with_notes_audited_and_announced()
    {
        var personId = await SignInAsAsync("Lee Carter", Roles.ServiceManager);
        var (pi, bdc, rbc) = await IdsAsync("LIF 01");
        using var announced = new Announcements(Notifier);

        var versions = (await ValuesAsync(pi, November)).ToDictionary(v => v.CouncilId, v => (Guid?)v.Version);

        var (result, written) = await Commands.SaveValuesAsync(
            pi, [new(bdc, November, "97.8", "Late: system upgrade", versions.GetValueOrDefault(bdc)), new(rbc, November, "98.1", null, versions.GetValueOrDefault(rbc))], Ct);

        Assert.True(result.Succeeded);
        var saved = await ValuesAsync(pi, November);
        Assert.Equal([97.8m, 98.1m], saved.Select(v => v.Value));
        Assert.Equal(saved.Select(v => v.Version).Order(), written.Select(f => f.Version).Order());
        Assert.Equal("Late: system upgrade", saved[0].Note);
        Assert.All(saved, v => Assert.Equal(personId, v.EnteredById));
        var change = Assert.Single(await announced.AfterFirstAsync());
        Assert.Equal((ChangeArea.PerformanceValues, pi, "LIF 01: 2 figures entered"), (change.Area, change.EntityId, change.Summary));
        await using var db = await Database.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PiValue) && a.Action == AuditAction.Created && a.Changes.Contains("Late: system upgrade"), Ct));
    }

    [Fact]
    public async Task A_manager_who_does_not_own_the_indicator_changes_nothing()
    {
        var (pi, bdc, _) = await IdsAsync("NI 191");
        var before = (await ValuesAsync(pi, November)).Select(v => v.Value).ToList();

        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var (byManager, _) = await Commands.SaveValuesAsync(pi, [new(bdc, November, "1")], Ct);

        Assert.Equal("Only the indicator's owner or an administrator can enter its figures.", byManager.Error);
        Assert.Equal(before, (await ValuesAsync(pi, November)).Select(v => v.Value));
    }

    [Fact]
    public async Task A_board_member_cannot_enter_figures_or_targets()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);
        var (pi, bdc, _) = await IdsAsync("NI 191");

        Assert.NotNull((await Commands.SaveValuesAsync(pi, [new(bdc, November, "1")], Ct)).Result.Error);
        Assert.Equal("Only an administrator can change an indicator's targets.", (await Commands.SaveTargetsAsync(pi, new FinancialYear(2010), [new(bdc, November, "1")], Ct)).Error);
        Assert.NotEqual(1m, (await ValuesAsync(pi, November))[0].Value);
    }

    [Fact]
    public async Task One_bad_figure_saves_none_of_the_grid()
    {
        await SignInAsAsync("Sue Marsh", Roles.ServiceManager);
        var (pi, bdc, rbc) = await IdsAsync("NI 191");
        var before = (await ValuesAsync(pi, November)).Select(v => v.Value).ToList();

        var (result, _) = await Commands.SaveValuesAsync(pi, [new(bdc, November, "1"), new(rbc, November, "-5")], Ct);

        Assert.Equal("kg cannot be negative for NI 191.", result.FieldErrors[PiFigureEntry.FieldKey(rbc, November, "Value")]);
        Assert.Equal(before, (await ValuesAsync(pi, November)).Select(v => v.Value));
    }

    [Fact]
    public async Task The_second_of_two_people_saving_the_same_figure_is_refused_and_shown_the_first_ones()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var (pi, bdc, _) = await IdsAsync("NI 191");
        var loaded = (await ValuesAsync(pi, November))[0];

        // Both opened the grid showing the same stored figure; the owner saves first, from another browser.
        var owner = new PerformanceCommands(Database.Factory, await TestUsers.CurrentUserAsync(Database, "Sue Marsh", Roles.ServiceManager), Services.GetRequiredService<ReportingClock>(), Notifier);
        var (first, _) = await owner.SaveValuesAsync(pi, [new(bdc, November, "41.5", "Corrected from the weighbridge", loaded.Version)], Ct);
        var (second, theirs) = await Commands.SaveValuesAsync(pi, [new(bdc, November, "39", null, loaded.Version)], Ct);

        Assert.True(first.Succeeded);
        Assert.Equal("Someone else saved one of these figures while you were editing. Nothing has been saved: your figures are still in the grid, with theirs shown beside them.", second.Error);
        var shown = Assert.Single(theirs);
        Assert.Equal((41.5m, "Corrected from the weighbridge", "Sue Marsh"), (shown.Value, shown.Note, shown.EnteredBy));
        var stored = (await ValuesAsync(pi, November))[0];
        Assert.Equal((41.5m, shown.Version), (stored.Value, stored.Version));

        // The trail has the one change that happened, from the value it really replaced.
        await using (var db = await Database.OpenAsync())
        {
            var audit = Assert.Single(await db.AuditEntries.Where(a => a.EntityType == nameof(PiValue) && a.EntityId == stored.Id.ToString() && a.Action == AuditAction.Updated).ToListAsync(Ct));
            using var changes = System.Text.Json.JsonDocument.Parse(audit.Changes);
            Assert.Equal(loaded.Value, changes.RootElement.GetProperty("Value").GetProperty("old").GetDecimal());
            Assert.Equal(41.5m, changes.RootElement.GetProperty("Value").GetProperty("new").GetDecimal());
        }

        // Having been shown theirs, the administrator saves again on purpose: now it replaces the owner's figure.
        var (again, _) = await Commands.SaveValuesAsync(pi, [new(bdc, November, "39", null, shown.Version)], Ct);
        Assert.True(again.Succeeded);
        Assert.Equal(39m, (await ValuesAsync(pi, November))[0].Value);
    }

    [Fact]
    public async Task A_figure_added_by_someone_else_since_the_grid_was_opened_is_not_overwritten()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var (pi, bdc, _) = await IdsAsync("LIF 01");
        var owner = new PerformanceCommands(Database.Factory, await TestUsers.CurrentUserAsync(Database, "Lee Carter", Roles.ServiceManager), Services.GetRequiredService<ReportingClock>(), Notifier);
        await owner.SaveValuesAsync(pi, [new(bdc, November, "97.8")], Ct);

        // The administrator's grid showed the box empty: their row says it replaces no figure.
        var (result, theirs) = await Commands.SaveValuesAsync(pi, [new(bdc, November, "96")], Ct);

        Assert.NotNull(result.Error);
        Assert.Equal(97.8m, Assert.Single(theirs).Value);
        Assert.Equal(97.8m, Assert.Single(await ValuesAsync(pi, November)).Value);
    }

    [Fact]
    public async Task An_administrator_sets_monthly_targets_and_the_annual_target_follows()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var (pi, bdc, _) = await IdsAsync("NI 191");
        var year = new FinancialYear(2010);

        var result = await Commands.SaveTargetsAsync(pi, year, [new(bdc, new DateOnly(2011, 3, 1), "40")], Ct);

        Assert.True(result.Succeeded);
        await using var db = await Database.OpenAsync();
        var targets = await db.PiTargets.Where(t => t.PerformanceIndicatorId == pi && t.CouncilId == bdc && t.FinancialYear == 2010).ToListAsync(Ct);
        Assert.Equal(40m, targets.Single(t => t.PeriodStart == new DateOnly(2011, 3, 1)).Target);
        Assert.Equal(targets.Where(t => t.PeriodStart is not null).Sum(t => t.Target), targets.Single(t => t.PeriodStart is null).Target);
    }

    [Fact]
    public async Task A_target_outside_the_year_is_refused()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var (pi, bdc, _) = await IdsAsync("NI 191");

        var result = await Commands.SaveTargetsAsync(pi, new FinancialYear(2010), [new(bdc, new DateOnly(2011, 4, 1), "40")], Ct);

        Assert.Equal("1 Apr 2011 does not start one of NI 191's periods in 2010/11.", result.FieldErrors[TargetEntry.FieldKey(bdc, new DateOnly(2011, 4, 1))]);
    }
}

public class CatalogueCommandsTests : DashboardTestContext
{
    public CatalogueCommandsTests() => Services.AddScoped<PerformanceCommands>();

    private PerformanceCommands Commands => Services.GetRequiredService<PerformanceCommands>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<PerformanceIndicator> IndicatorAsync(string reference)
    {
        await using var db = await Database.OpenAsync();
        return await db.PerformanceIndicators.Include(p => p.Baselines).Include(p => p.Values).Include(p => p.Targets).SingleAsync(p => p.Ref == reference, Ct);
    }

    private static CatalogueInput Input(PerformanceIndicator pi, string tolerance, string? bdcBaseline = null) =>
        new(pi.Description, pi.Polarity, tolerance, pi.IsDataOnly, new Dictionary<int, string?> { [pi.Baselines[0].CouncilId] = bdcBaseline });

    [Fact]
    public async Task Widening_the_tolerance_turns_Bromsgrove_waste_amber()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var pi = await IndicatorAsync("NI 191");
        var bdc = pi.Baselines[0].CouncilId;

        var result = await Commands.SaveCatalogueAsync(pi.Id, Input(pi, "5", "600"), Ct);

        Assert.True(result.Succeeded);
        var after = await IndicatorAsync("NI 191");
        Assert.Equal(5m, after.TolerancePercent);
        Assert.Equal(600m, after.Baselines.Single(b => b.CouncilId == bdc).Value);
        var standing = PiStanding.Assess(PiFigures.For(after, bdc), new DateOnly(2010, 6, 1), new DateOnly(2010, 7, 9), PerformanceRules.Default);
        Assert.Equal(TrafficLight.WithinTolerance, standing.Light);
    }

    [Fact]
    public async Task A_manager_cannot_change_the_catalogue()
    {
        var pi = await IndicatorAsync("NI 191");
        await SignInAsAsync("Sue Marsh", Roles.ServiceManager);

        Assert.Equal("Only an administrator can change the indicator catalogue.", (await Commands.SaveCatalogueAsync(pi.Id, Input(pi, "5"), Ct)).Error);
        Assert.Equal(2m, (await IndicatorAsync("NI 191")).TolerancePercent);
    }

    [Fact]
    public async Task A_bad_tolerance_or_baseline_is_named_and_nothing_is_saved()
    {
        var pi = await IndicatorAsync("NI 191");
        await SignInAsAsync("Priya Shah", Roles.Administrator);

        var bad = await Commands.SaveCatalogueAsync(pi.Id, Input(pi, "lots", "-1"), Ct);

        Assert.Equal("Enter the tolerance as a percentage of the target, from 0 to 100.", bad.FieldErrors[nameof(CatalogueInput.TolerancePercent)]);
        Assert.Equal("kg cannot be negative for NI 191.", bad.FieldErrors[CatalogueInput.BaselineKey(pi.Baselines[0].CouncilId)]);
        var after = await IndicatorAsync("NI 191");
        Assert.Equal((2m, pi.Baselines[0].Value), (after.TolerancePercent, after.Baselines.Single(b => b.Id == pi.Baselines[0].Id).Value));
    }
}

public sealed class PerformanceCommandsTestsOnPostgres : PerformanceCommandsTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}

public sealed class CatalogueCommandsTestsOnPostgres : CatalogueCommandsTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
