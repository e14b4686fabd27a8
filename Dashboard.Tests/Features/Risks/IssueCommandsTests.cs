using Dashboard.Domain.Organisation;
using Dashboard.Domain.Risks;
using Dashboard.Features.Risks;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Risks;

public class IssueCommandsTests : DashboardTestContext
{
    private static readonly DateOnly Today = new(2010, 12, 9);

    public IssueCommandsTests() => Services.AddScoped<IssueCommands>();

    private IssueCommands Commands => Services.GetRequiredService<IssueCommands>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<(int RegisterId, int RiskId)> IctAsync()
    {
        await using var db = await Database.OpenAsync();
        var risk = await db.Risks.SingleAsync(r => r.Ref == "ICT-2", Ct);
        return (risk.RiskRegisterId, risk.Id);
    }

    private async Task<RiskIssue> IssueAsync(int id)
    {
        await using var db = await Database.OpenAsync();
        return await db.RiskIssues.SingleAsync(i => i.Id == id, Ct);
    }

    private async Task<int> IssueCountAsync()
    {
        await using var db = await Database.OpenAsync();
        return await db.RiskIssues.CountAsync(Ct);
    }

    [Fact]
    public async Task A_manager_raises_an_issue_from_a_risk_on_their_register()
    {
        var alex = await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        using var announced = new Announcements(Notifier);
        var (registerId, riskId) = await IctAsync();

        var (result, id) = await Commands.AddAsync(registerId, new IssueInput("Email domain not live at RBC by the end of 2010", alex, IssuePriority.Medium, Today, IssueStatus.Open, "Finish the DNS changes in January", null), riskId, Ct);

        Assert.True(result.Succeeded);
        var issue = await IssueAsync(id!.Value);
        Assert.Equal(("ICT-I2", riskId, IssuePriority.Medium, IssueStatus.Open), (issue.Ref, issue.RaisedFromRiskId, issue.Priority, issue.Status));
        Assert.Equal("Issue ICT-I2 raised on ICT", Assert.Single(await announced.AfterFirstAsync()).Summary);
        await using var db = await Database.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(RiskIssue) && a.EntityId == issue.Id.ToString(), Ct));
    }

    [Fact]
    public async Task Closing_an_issue_needs_a_resolution_and_then_resolves_it()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        int id;
        await using (var db = await Database.OpenAsync())
        {
            id = await db.RiskIssues.Where(i => i.Ref == "I-1").Select(i => i.Id).SingleAsync(Ct);
        }

        var issue = await IssueAsync(id);
        var input = new IssueInput(issue.Description, issue.OwnerId, issue.Priority, issue.RaisedOn, IssueStatus.Resolved, issue.Action, null);

        var refused = await Commands.UpdateAsync(id, issue.Version, input, Ct);
        Assert.Equal("Say how the issue was resolved before closing it.", refused.FieldErrors["Resolution"]);
        Assert.Equal(IssueStatus.InProgress, (await IssueAsync(id)).Status);

        var closed = await Commands.UpdateAsync(id, issue.Version, input with { Resolution = "Programme Manager appointed on secondment" }, Ct);
        Assert.True(closed.Succeeded);
        Assert.Equal((IssueStatus.Resolved, "Programme Manager appointed on secondment"), ((await IssueAsync(id)).Status, (await IssueAsync(id)).Resolution));

        var stale = await Commands.UpdateAsync(id, issue.Version, input with { Resolution = "Edited from an old page" }, Ct);
        Assert.StartsWith("Someone else changed this issue", stale.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_cannot_change_the_issues_log_of_a_register_they_do_not_own()
    {
        var alex = await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        int programmeId, issueId;
        await using (var db = await Database.OpenAsync())
        {
            programmeId = await db.RiskRegisters.Where(r => r.SharedServiceId == null).Select(r => r.Id).SingleAsync(Ct);
            issueId = await db.RiskIssues.Where(i => i.Ref == "I-1").Select(i => i.Id).SingleAsync(Ct);
        }

        var before = await IssueCountAsync();
        var input = new IssueInput("Not mine", alex, IssuePriority.Low, Today, IssueStatus.Open, null, null);

        var (added, _) = await Commands.AddAsync(programmeId, input, null, Ct);
        var issue = await IssueAsync(issueId);
        var updated = await Commands.UpdateAsync(issueId, issue.Version, input, Ct);

        Assert.Equal("Only the register's owner or an administrator can change its issues log.", added.Error);
        Assert.Equal(added.Error, updated.Error);
        Assert.Equal(before, await IssueCountAsync());
        Assert.Equal(issue.Description, (await IssueAsync(issueId)).Description);
    }

    [Fact]
    public async Task A_board_member_cannot_raise_an_issue()
    {
        var member = await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);
        var (registerId, _) = await IctAsync();
        var before = await IssueCountAsync();

        var (result, _) = await Commands.AddAsync(registerId, new IssueInput("Trying", member, IssuePriority.Low, Today, IssueStatus.Open, null, null), null, Ct);

        Assert.NotNull(result.Error);
        Assert.Equal(before, await IssueCountAsync());
    }

    [Fact]
    public async Task An_issue_cannot_be_raised_from_another_registers_risk()
    {
        var admin = await SignInAsAsync("Priya Shah", Roles.Administrator);
        var (registerId, _) = await IctAsync();
        int programmeRisk;
        await using (var db = await Database.OpenAsync())
        {
            programmeRisk = await db.Risks.Where(r => r.Ref == "8").Select(r => r.Id).SingleAsync(Ct);
        }

        var (result, _) = await Commands.AddAsync(registerId, new IssueInput("Wrong register", admin, IssuePriority.Low, Today, IssueStatus.Open, null, null), programmeRisk, Ct);

        Assert.Equal("An issue can only be raised from a risk on the same register.", result.Error);
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_writes_nothing()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var (registerId, _) = await IctAsync();
        var before = await IssueCountAsync();

        var (result, _) = await Commands.AddAsync(registerId, new IssueInput("", 9999, null, Today.AddDays(3), IssueStatus.Open, null, null), null, Ct);

        Assert.Equal("Describe the issue: what has happened.", result.FieldErrors["Description"]);
        Assert.Equal("Choose who owns the issue from the list.", result.FieldErrors["OwnerId"]);
        Assert.Equal("Choose a priority: High, Medium or Low.", result.FieldErrors["Priority"]);
        Assert.Equal("An issue cannot be raised on a date still to come.", result.FieldErrors["RaisedOn"]);
        Assert.Equal(before, await IssueCountAsync());
    }
}

public sealed class IssueCommandsTestsOnPostgres : IssueCommandsTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
