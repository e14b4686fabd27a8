using Dashboard.Domain.Organisation;
using Dashboard.Domain.Risks;
using Dashboard.Features.Risks;
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
        using var announced = new Announcements(Notifier);
        var risk = await RiskAsync("10");

        var result = await Commands.ReassessAsync(risk.Id, new ReassessmentInput(4, 3, "WETT phase 2 confirmed"), Xunit.TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        var after = await RiskAsync("10");
        Assert.Equal([6, 9, 12], after.Assessments.OrderBy(a => a.AssessedAt).Select(a => a.Score.Value));
        Assert.Equal(new DateOnly(2010, 12, 9).AddDays(90), after.NextReviewDate);
        Assert.Equal("Risk 10 re-assessed at 12", Assert.Single(await announced.AfterFirstAsync()).Summary);
    }

    [Fact]
    public async Task A_board_member_cannot_change_a_risk()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);
        var risk = await RiskAsync("10");

        var result = await Commands.ReassessAsync(risk.Id, new ReassessmentInput(4, 4, "trying"), Xunit.TestContext.Current.CancellationToken);

        Assert.Equal("Only the risk's owner, the register's owner or an administrator can re-assess it.", result.Error);
        Assert.Equal(2, (await RiskAsync("10")).Assessments.Count);
    }

    [Fact]
    public async Task A_risks_own_owner_may_reassess_it_but_not_edit_or_close_it()
    {
        // An ICT risk (the register is Alex Morgan's) owned by someone else.
        Risk risk;
        await using (var db = await Database.OpenAsync())
        {
            risk = await db.Risks.SingleAsync(r => r.Ref == "ICT-1", Xunit.TestContext.Current.CancellationToken);
            risk.OwnerId = await db.People.Where(p => p.Name == "Sue Marsh").Select(p => p.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        await SignInAsAsync("Sue Marsh", Roles.ServiceManager);

        var reassessed = await Commands.ReassessAsync(risk.Id, new ReassessmentInput(1, 1, "Reviewed by its owner"), Xunit.TestContext.Current.CancellationToken);
        var closed = await Commands.SetOpenAsync(risk.Id, (await RiskAsync(risk.Ref)).Version, open: false, Xunit.TestContext.Current.CancellationToken);

        Assert.True(reassessed.Succeeded, reassessed.Error);
        Assert.Equal("Only the register's owner or an administrator can change its risks.", closed.Error);
        var after = await RiskAsync(risk.Ref);
        Assert.Equal((1, RiskStatus.Open), (RiskHistory.Current(after.Assessments)!.Score.Value, after.Status));
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

    private async Task<int> RegisterIdAsync(string name)
    {
        await using var db = await Database.OpenAsync();
        return await db.RiskRegisters.Where(r => r.Name == name).Select(r => r.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private async Task<(int Risks, int Assessments, int AuditEntries)> CountsAsync()
    {
        await using var db = await Database.OpenAsync();
        var ct = Xunit.TestContext.Current.CancellationToken;
        return (await db.Risks.CountAsync(ct), await db.RiskAssessments.CountAsync(ct), await db.AuditEntries.CountAsync(ct));
    }

    [Fact]
    public async Task A_manager_adds_a_risk_to_their_register_with_the_next_reference_and_the_bands_review_date()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var alex = await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        using var announced = new Announcements(Notifier);
        int bdc;
        await using (var db = await Database.OpenAsync())
        {
            bdc = await db.Councils.Where(c => c.Code == "BDC").Select(c => c.Id).SingleAsync(ct);
        }

        var input = new RiskInput(null, "Telephony contract ends before the new system is live", "Extend the contract by six months", 3, 3, "Supplier confirmed the end date", 1, 3) { CouncilId = bdc };
        var (result, id) = await Commands.AddAsync(await RegisterIdAsync("ICT"), input, ct);

        Assert.True(result.Succeeded);
        await using var check = await Database.OpenAsync();
        var risk = await check.Risks.Include(r => r.Assessments).Include(r => r.Council).SingleAsync(r => r.Id == id, ct);
        Assert.Equal("ICT-3", risk.Ref);
        Assert.Equal(alex, risk.OwnerId);
        Assert.Equal("BDC", risk.Council!.Code);
        Assert.Equal(new DateOnly(2010, 12, 9).AddDays(90), risk.NextReviewDate);
        var assessment = Assert.Single(risk.Assessments);
        Assert.Equal((9, alex, "Supplier confirmed the end date"), (assessment.Score.Value, assessment.AssessedById, assessment.Reason));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == "Risk" && a.EntityId == id.ToString() && a.Action == Dashboard.Domain.Audit.AuditAction.Created, ct));
        Assert.Equal("Risk ICT-3 added to ICT", Assert.Single(await announced.AfterFirstAsync()).Summary);
    }

    [Fact]
    public async Task A_chosen_owner_and_review_date_are_kept()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        int sue;
        await using (var db = await Database.OpenAsync())
        {
            sue = await db.People.Where(p => p.Name == "Sue Marsh").Select(p => p.Id).SingleAsync(ct);
        }

        var input = new RiskInput(null, "Depot lease not renewed", null, 1, 2, "Landlord undecided", null, null) { OwnerId = sue, NextReview = new DateOnly(2011, 1, 31) };
        var (result, id) = await Commands.AddAsync(await RegisterIdAsync("Shared Services Programme"), input, ct);

        Assert.True(result.Succeeded);
        await using var check = await Database.OpenAsync();
        var risk = await check.Risks.SingleAsync(r => r.Id == id, ct);
        Assert.Equal(("15", sue, new DateOnly(2011, 1, 31), (int?)null), (risk.Ref, risk.OwnerId, risk.NextReviewDate, risk.CouncilId));
    }

    [Fact]
    public async Task A_manager_cannot_add_a_risk_to_a_register_they_do_not_own()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var before = await CountsAsync();

        var (result, id) = await Commands.AddAsync(await RegisterIdAsync("Property Services"), new RiskInput(null, "Roof leaks", null, 2, 2, "Seen in October", null, null), Xunit.TestContext.Current.CancellationToken);

        Assert.Equal("Only the register's owner or an administrator can change its risks.", result.Error);
        Assert.Null(id);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_board_member_cannot_add_a_risk()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);
        var before = await CountsAsync();

        var (result, _) = await Commands.AddAsync(await RegisterIdAsync("Shared Services Programme"), new RiskInput(null, "Anything", null, 2, 2, "Because", null, null), Xunit.TestContext.Current.CancellationToken);

        Assert.NotNull(result.Error);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_new_risk_with_bad_input_names_each_field_and_writes_nothing()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var before = await CountsAsync();
        var input = new RiskInput(null, " ", null, 5, null, "", 2, null) { OwnerId = 9999, CouncilId = 9999, NextReview = new DateOnly(2010, 12, 8) };

        var (result, _) = await Commands.AddAsync(await RegisterIdAsync("ICT"), input, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal("Describe the risk.", result.FieldErrors["Title"]);
        Assert.Equal("The likelihood must be from 1 (Low) to 4, not 5.", result.FieldErrors["Likelihood"]);
        Assert.Equal("Give the impact, from 1 (Low) to 4.", result.FieldErrors["Impact"]);
        Assert.Equal("Say why the risk is scored as it is.", result.FieldErrors["Reason"]);
        Assert.Equal("Give both a target likelihood and a target impact, or neither.", result.FieldErrors["TargetImpact"]);
        Assert.Equal("The first review cannot be in the past.", result.FieldErrors["NextReview"]);
        Assert.Equal("Choose the risk's owner from the list.", result.FieldErrors["OwnerId"]);
        Assert.Equal("Choose BDC, RBC or both councils.", result.FieldErrors["CouncilId"]);
        Assert.Equal(before, await CountsAsync());
    }
}

/// <summary>The same risk commands (authorization, history, optimistic concurrency) on PostgreSQL.</summary>
public sealed class RiskCommandsTestsOnPostgres : RiskCommandsTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
