using Dashboard.Domain.Organisation;
using Dashboard.Domain.Risks;
using Dashboard.Features.Risks;
using Dashboard.Live;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Risks;

public class RiskCommandsTests : DashboardTestContext
{
    public RiskCommandsTests() => Services.AddScoped<RiskCommands>();

    private RiskCommands Commands => Services.GetRequiredService<RiskCommands>();

    private async Task<Risk> RiskAsync(string reference)
    {
        await using var db = await Database.OpenAsync();
        return await db.Risks.Include(r => r.Assessments).SingleAsync(r => r.Ref == reference, Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_administrator_reassesses_and_the_old_assessment_is_kept()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var announced = new List<DashboardChange>();
        using var _ = Notifier.Subscribe(c => { announced.Add(c); return Task.CompletedTask; });
        var risk = await RiskAsync("10");

        var result = await Commands.ReassessAsync(risk.Id, new ReassessmentInput(4, 3, "WETT phase 2 confirmed"), Xunit.TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        var after = await RiskAsync("10");
        Assert.Equal([6, 9, 12], after.Assessments.OrderBy(a => a.AssessedAt).Select(a => a.Score.Value));
        Assert.Equal(new DateOnly(2010, 12, 9).AddDays(90), after.NextReviewDate);
        Assert.Equal("Risk 10 re-assessed at 12", Assert.Single(announced).Summary);
    }

    [Fact]
    public async Task A_board_member_cannot_change_a_risk()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);
        var risk = await RiskAsync("10");

        var result = await Commands.ReassessAsync(risk.Id, new ReassessmentInput(4, 4, "trying"), Xunit.TestContext.Current.CancellationToken);

        Assert.Equal("Only the register's owner or an administrator can change its risks.", result.Error);
        Assert.Equal(2, (await RiskAsync("10")).Assessments.Count);
    }

    [Fact]
    public async Task A_manager_changes_their_own_register_but_not_the_programme_register()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var programmeRisk = await RiskAsync("8");
        var ictRisk = await RiskAsync("ICT-1");

        Assert.NotNull((await Commands.SetOpenAsync(programmeRisk.Id, programmeRisk.Version, open: false, Xunit.TestContext.Current.CancellationToken)).Error);
        Assert.True((await Commands.SetOpenAsync(ictRisk.Id, ictRisk.Version, open: false, Xunit.TestContext.Current.CancellationToken)).Succeeded);

        Assert.Equal(RiskStatus.Open, (await RiskAsync("8")).Status);
        Assert.Equal(RiskStatus.Closed, (await RiskAsync("ICT-1")).Status);
        Assert.Equal(new DateOnly(2010, 12, 9), (await RiskAsync("ICT-1")).ClosedOn);
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_saves_nothing()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var risk = await RiskAsync("10");

        var result = await Commands.ReassessAsync(risk.Id, new ReassessmentInput(5, null, " "), Xunit.TestContext.Current.CancellationToken);

        Assert.Equal("Choose a likelihood from 1 (Low) to 4 (High).", result.FieldErrors["Likelihood"]);
        Assert.Equal("Choose an impact from 1 (Low) to 4 (Critical).", result.FieldErrors["Impact"]);
        Assert.True(result.FieldErrors.ContainsKey("Reason"));
        Assert.Equal(2, (await RiskAsync("10")).Assessments.Count);
    }

    [Fact]
    public async Task Saving_a_stale_copy_is_refused_and_keeps_the_newer_version()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var risk = await RiskAsync("8");
        var input = new RiskInput("8", "Differences in terms and conditions (first edit)", risk.Mitigation, null, null, null, null, null);
        Assert.True((await Commands.UpdateAsync(risk.Id, risk.Version, input, Xunit.TestContext.Current.CancellationToken)).Succeeded);

        var stale = await Commands.UpdateAsync(risk.Id, risk.Version, input with { Title = "Second edit from an old page" }, Xunit.TestContext.Current.CancellationToken);

        Assert.StartsWith("Someone else changed this risk while you were editing.", stale.Error, StringComparison.Ordinal);
        Assert.Equal("Differences in terms and conditions (first edit)", (await RiskAsync("8")).Title);
    }

    [Fact]
    public async Task Adding_a_risk_with_a_reference_already_used_is_refused()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        await using var db = await Database.OpenAsync();
        var programme = await db.RiskRegisters.SingleAsync(r => r.SharedServiceId == null, Xunit.TestContext.Current.CancellationToken);

        var (duplicate, _) = await Commands.AddAsync(programme.Id, new RiskInput("10", "Another", null, 2, 2, "New", null, null), Xunit.TestContext.Current.CancellationToken);
        var (added, id) = await Commands.AddAsync(programme.Id, new RiskInput("15", "Loss of IEWM support", "Seek funding elsewhere", 2, 3, "Raised at the December board", 1, 3), Xunit.TestContext.Current.CancellationToken);

        Assert.Equal("This register already has a risk 10.", duplicate.FieldErrors["Ref"]);
        Assert.True(added.Succeeded);
        var risk = await db.Risks.Include(r => r.Assessments).SingleAsync(r => r.Id == id, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(6, Assert.Single(risk.Assessments).Score.Value);
        Assert.Equal(3, risk.TargetScore!.Value.Value);
    }
}

/// <summary>The same risk commands (authorization, history, optimistic concurrency) on PostgreSQL.</summary>
public sealed class RiskCommandsTestsOnPostgres : RiskCommandsTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
