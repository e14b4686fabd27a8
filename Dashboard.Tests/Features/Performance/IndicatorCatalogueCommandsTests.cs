using Dashboard.Domain.Audit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Reminders;
using Dashboard.Domain.Time;
using Dashboard.Features.Performance;
using Dashboard.Features.Reminders;
using Dashboard.Features.Rollups;
using Dashboard.Live;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Performance;

/// <summary>Administrators retire, reactivate and hand over indicators and set a year's targets; on the demo database.</summary>
public class IndicatorCatalogueCommandsTests : DashboardTestContext
{
    private static readonly DateOnly Today = new(2010, 12, 9);
    private static readonly DateOnly November = new(2010, 11, 1);

    public IndicatorCatalogueCommandsTests()
    {
        Services.AddScoped<PerformanceCommands>();
        Services.AddSingleton(new ReminderRules(DeadlineRules.Default, ReminderLadder.Default, new WorkingCalendar([]), new Uri("http://dashboard.example/")));
        Services.AddScoped<ReminderQueries>();
    }

    private PerformanceCommands Commands => Services.GetRequiredService<PerformanceCommands>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<PerformanceIndicator> IndicatorAsync(string reference)
    {
        await using var db = await Database.OpenAsync();
        return await db.PerformanceIndicators.AsNoTracking().Include(p => p.Targets).Include(p => p.Owner).SingleAsync(p => p.Ref == reference, Ct);
    }

    private async Task<int> PersonIdAsync(string name)
    {
        await using var db = await Database.OpenAsync();
        return await db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<(int Bdc, int Rbc)> CouncilsAsync()
    {
        await using var db = await Database.OpenAsync();
        return (await db.Councils.Where(c => c.Code == "BDC").Select(c => c.Id).SingleAsync(Ct), await db.Councils.Where(c => c.Code == "RBC").Select(c => c.Id).SingleAsync(Ct));
    }

    /// <summary>How many indicator standings the board's summary counts (each indicator once per council), and which indicators.</summary>
    private async Task<(int Counted, IReadOnlyList<string> Refs)> SummaryAsync()
    {
        await using var db = await Database.OpenAsync();
        var overview = await PerformanceQueries.OverviewAsAtAsync(db, November, Today, PerformanceRules.Default, Ct);
        var combined = overview.Summaries.Single(s => s.Label == "Combined").Summary.MetTarget;
        return (combined.OutOf + combined.Excluded, overview.Indicators.Select(i => i.Indicator.Ref).ToList());
    }

    private async Task<int> RollupStandingsAsync()
    {
        await using var db = await Database.OpenAsync();
        var councils = await db.Councils.ToDictionaryAsync(c => c.Id, c => c.Code, Ct);
        return (await QuarterIndicatorTotals.LoadAsync(db, councils, new DateOnly(2010, 9, 1), Today, PerformanceRules.Default, Ct)).Count;
    }

    private async Task<List<string>> OwedAsync() =>
        [.. (await Services.GetRequiredService<ReminderQueries>().OutstandingAsync(new DateOnly(2010, 11, 1), new DateOnly(2010, 12, 31), cancellationToken: Ct)).Select(o => o.Title)];

    [Fact]
    public async Task A_retired_indicator_keeps_its_figures_but_leaves_the_summary_the_rollup_and_the_reminders()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var lifeline = await IndicatorAsync("LIF 01");
        Assert.Equal(36, (await SummaryAsync()).Counted);
        Assert.Equal(36, await RollupStandingsAsync());
        Assert.Contains(await OwedAsync(), t => t.StartsWith("LIF 01", StringComparison.Ordinal));
        using var announced = new Announcements(Notifier);

        var result = await Commands.RetireAsync(lifeline.Id, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(Today, (await IndicatorAsync("LIF 01")).RetiredOn);
        var (counted, refs) = await SummaryAsync();
        Assert.Equal(34, counted);
        Assert.DoesNotContain("LIF 01", refs);
        Assert.Equal(34, await RollupStandingsAsync());
        Assert.DoesNotContain(await OwedAsync(), t => t.StartsWith("LIF 01", StringComparison.Ordinal));
        var change = (await announced.AfterFirstAsync())[0];
        Assert.Equal((ChangeArea.PerformanceCatalogue, (int?)lifeline.Id, "LIF 01 retired"), (change.Area, change.EntityId, change.Summary));
        await using var db = await Database.OpenAsync();
        Assert.True(await db.PiValues.AnyAsync(v => v.PerformanceIndicatorId == lifeline.Id, Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PerformanceIndicator) && a.Action == AuditAction.Updated && a.Changes.Contains("RetiredOn"), Ct));
    }

    [Fact]
    public async Task Retiring_twice_is_refused_and_reactivating_brings_it_back_into_the_summary()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var lifeline = await IndicatorAsync("LIF 01");
        await Commands.RetireAsync(lifeline.Id, Ct);

        var twice = await Commands.RetireAsync(lifeline.Id, Ct);
        var back = await Commands.ReactivateAsync(lifeline.Id, Ct);
        var again = await Commands.ReactivateAsync(lifeline.Id, Ct);

        Assert.Equal("LIF 01 was already retired on 9 December 2010.", twice.Error);
        Assert.True(back.Succeeded);
        Assert.Equal("LIF 01 is not retired.", again.Error);
        Assert.Null((await IndicatorAsync("LIF 01")).RetiredOn);
        Assert.Equal(36, (await SummaryAsync()).Counted);
    }

    [Fact]
    public async Task The_indicators_own_manager_cannot_retire_it_or_hand_it_over()
    {
        var lifeline = await IndicatorAsync("LIF 01");
        var other = await PersonIdAsync("Alex Morgan");
        await SignInAsAsync("Lee Carter", Roles.ServiceManager);

        var retire = await Commands.RetireAsync(lifeline.Id, Ct);
        var owner = await Commands.ChangeOwnerAsync(lifeline.Id, other, Ct);

        Assert.Equal(PerformanceCommands.CatalogueAdministratorsOnly, retire.Error);
        Assert.Equal(PerformanceCommands.CatalogueAdministratorsOnly, owner.Error);
        var after = await IndicatorAsync("LIF 01");
        Assert.Equal((null, "Lee Carter"), (after.RetiredOn, after.Owner!.Name));
    }

    [Fact]
    public async Task An_indicator_is_handed_only_to_someone_active_and_they_then_owe_its_figures()
    {
        var lifeline = await IndicatorAsync("LIF 01");
        var leaver = await PersonIdAsync("Tom Baker");
        var successor = await PersonIdAsync("Dana Hughes");
        await using (var db = await Database.OpenAsync())
        {
            (await db.People.SingleAsync(p => p.Id == leaver, Ct)).DeactivatedAt = new DateTimeOffset(2010, 11, 30, 17, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync(Ct);
        }

        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var refused = await Commands.ChangeOwnerAsync(lifeline.Id, leaver, Ct);
        var nobody = await Commands.ChangeOwnerAsync(lifeline.Id, null, Ct);
        var handed = await Commands.ChangeOwnerAsync(lifeline.Id, successor, Ct);

        Assert.Equal("Tom Baker has been deactivated: choose an active person.", refused.FieldErrors[nameof(PerformanceIndicator.OwnerId)]);
        Assert.Equal("Choose who reports the figures.", nobody.FieldErrors[nameof(PerformanceIndicator.OwnerId)]);
        Assert.True(handed.Succeeded);
        Assert.Equal("Dana Hughes", (await IndicatorAsync("LIF 01")).Owner!.Name);
        var owed = await Services.GetRequiredService<ReminderQueries>().OutstandingAsync(November, new DateOnly(2010, 12, 31), successor, cancellationToken: Ct);
        Assert.Contains(owed, o => o.Title.StartsWith("LIF 01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_indicator_cannot_be_given_to_a_deactivated_person()
    {
        var leaver = await PersonIdAsync("Tom Baker");
        await using (var db = await Database.OpenAsync())
        {
            (await db.People.SingleAsync(p => p.Id == leaver, Ct)).DeactivatedAt = new DateTimeOffset(2010, 11, 30, 17, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync(Ct);
        }

        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var (result, id) = await Commands.CreateIndicatorAsync(new NewIndicatorInput
        {
            Ref = "PRO 02", Description = "Contracts let through the shared framework", Unit = "contracts", Polarity = Polarity.HigherIsBetter,
            Frequency = CollectionFrequency.Quarterly, Aggregation = YtdAggregation.Sum, OwnerId = leaver,
        }, Ct);

        Assert.Null(id);
        Assert.Equal("Tom Baker has been deactivated: choose an active person.", result.FieldErrors[nameof(NewIndicatorInput.OwnerId)]);
    }

    [Fact]
    public async Task A_retired_indicator_takes_no_figures_or_targets()
    {
        var lifeline = await IndicatorAsync("LIF 01");
        var (bdc, _) = await CouncilsAsync();
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        await Commands.RetireAsync(lifeline.Id, Ct);

        var (values, _) = await Commands.SaveValuesAsync(lifeline.Id, [new(bdc, November, "97.8")], Ct);
        var targets = await Commands.SaveTargetsAsync(lifeline.Id, new FinancialYear(2010), [new(bdc, null, "98")], Ct);

        const string Retired = "LIF 01 was retired on 9 December 2010: reactivate it to enter figures or set targets.";
        Assert.Equal((Retired, Retired), (values.Error, targets.Error));
        await using var db = await Database.OpenAsync();
        Assert.False(await db.PiValues.AnyAsync(v => v.PerformanceIndicatorId == lifeline.Id && v.PeriodStart == November, Ct));
    }

    [Fact]
    public async Task A_council_without_monthly_targets_sets_the_years_target_alone_and_a_blank_removes_it()
    {
        var sickness = await IndicatorAsync("BV 12");
        var (bdc, rbc) = await CouncilsAsync();
        var nextYear = new FinancialYear(2011);
        await SignInAsAsync("Priya Shah", Roles.Administrator);

        var set = await Commands.SaveTargetsAsync(sickness.Id, nextYear, [new(bdc, null, "7.5"), new(rbc, null, "eight")], Ct);
        Assert.Equal("\"eight\" is not a number: enter a number of days, e.g. 48.71.", set.FieldErrors[TargetEntry.FieldKey(rbc, null)]);
        Assert.DoesNotContain((await IndicatorAsync("BV 12")).Targets, t => t.FinancialYear == 2011);

        Assert.True((await Commands.SaveTargetsAsync(sickness.Id, nextYear, [new(bdc, null, "7.5"), new(rbc, null, "8.5")], Ct)).Succeeded);
        Assert.Equal([(bdc, 7.5m), (rbc, 8.5m)], (await IndicatorAsync("BV 12")).Targets.Where(t => t.FinancialYear == 2011).OrderBy(t => t.CouncilId).Select(t => (t.CouncilId, t.Target)));

        Assert.True((await Commands.SaveTargetsAsync(sickness.Id, nextYear, [new(rbc, null, " ")], Ct)).Succeeded);
        Assert.Equal([bdc], (await IndicatorAsync("BV 12")).Targets.Where(t => t.FinancialYear == 2011).Select(t => t.CouncilId));
        await using var db = await Database.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PiTarget) && a.Action == AuditAction.Deleted && a.Changes.Contains("8.5"), Ct));
    }

    [Fact]
    public async Task Targets_for_a_year_out_of_range_or_below_zero_are_refused()
    {
        var sickness = await IndicatorAsync("BV 12");
        var (bdc, _) = await CouncilsAsync();
        await SignInAsAsync("Priya Shah", Roles.Administrator);

        var early = await Commands.SaveTargetsAsync(sickness.Id, new FinancialYear(2005), [new(bdc, null, "7")], Ct);
        var late = await Commands.SaveTargetsAsync(sickness.Id, new FinancialYear(2012), [new(bdc, null, "7")], Ct);
        var negative = await Commands.SaveTargetsAsync(sickness.Id, new FinancialYear(2010), [new(bdc, new DateOnly(2011, 2, 1), "-1")], Ct);

        Assert.Equal("Targets can be set for 2009/10 to 2011/12, not 2005/06.", early.FieldErrors[TargetEntry.YearField]);
        Assert.Equal("Targets can be set for 2009/10 to 2011/12, not 2012/13.", late.FieldErrors[TargetEntry.YearField]);
        Assert.Equal("days cannot be negative for BV 12.", negative.FieldErrors[TargetEntry.FieldKey(bdc, new DateOnly(2011, 2, 1))]);
        var targets = (await IndicatorAsync("BV 12")).Targets;
        Assert.DoesNotContain(targets, t => t.FinancialYear is 2005 or 2012 || t.Target < 0);
    }
}

public sealed class IndicatorCatalogueCommandsTestsOnPostgres : IndicatorCatalogueCommandsTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
