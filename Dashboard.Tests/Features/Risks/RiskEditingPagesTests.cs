using System.Text;
using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Risks;
using Dashboard.Features.Risks;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Features.Risks;

/// <summary>The pages a manager uses to add risks, raise issues and import a register, as the manager sees them.</summary>
public class RiskEditingPagesTests : DashboardTestContext
{
    public RiskEditingPagesTests()
    {
        Services.AddScoped<RiskCommands>();
        Services.AddScoped<IssueCommands>();
        Services.AddScoped<RiskImport>();
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<int> RegisterIdAsync(string name)
    {
        await using var db = await Database.OpenAsync();
        return await db.RiskRegisters.Where(r => r.Name == name).Select(r => r.Id).SingleAsync(Ct);
    }

    private static void Choose<T>(IRenderedComponent<IComponent> page, string label, T value)
    {
        var select = page.FindComponents<MudSelect<T>>().Single(s => s.Instance.Label == label);
        select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value)).GetAwaiter().GetResult();
    }

    private static void Type(IRenderedComponent<IComponent> page, string label, string text) =>
        page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == label).Find("input,textarea").Change(text);

    /// <summary>The words on the page as a person reads them (markup and whitespace left out).</summary>
    private static string TextOf<T>(IRenderedComponent<T> page)
        where T : IComponent =>
        System.Text.RegularExpressions.Regex.Replace(string.Concat(page.Nodes.Select(n => n.TextContent)), @"\s+", " ");

    private static void Click(IRenderedComponent<IComponent> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click();

    [Fact]
    public async Task A_manager_adds_a_risk_and_is_taken_to_it()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await RegisterIdAsync("ICT");
        IRenderedComponent<IComponent> page = Render<RiskAddPage>(p => p.Add(x => x.RegisterId, ict));
        WaitUntilSettled(page, () => Assert.Contains("The risk will be risk ICT-3", TextOf(page), StringComparison.Ordinal));

        Type(page, "Risk", "Telephony contract ends before the new system is live");
        Choose<int?>(page, "Likelihood", 3);
        Choose<int?>(page, "Impact", 3);
        Type(page, "Why it is scored so", "Supplier confirmed the end date");
        page.WaitForAssertion(() => Assert.Contains("reviewed every 90 days; above the register's appetite of 6", page.Markup, StringComparison.Ordinal));
        Click(page, "Add risk");

        page.WaitForAssertion(() => Assert.Matches("/risks/[0-9]+$", Services.GetRequiredService<NavigationManager>().Uri), TimeSpan.FromSeconds(10));
        await using var db = await Database.OpenAsync();
        var risk = await db.Risks.SingleAsync(r => r.RiskRegisterId == ict && r.Ref == "ICT-3", Ct);
        Assert.Equal(new DateOnly(2010, 12, 9).AddDays(90), risk.NextReviewDate);
    }

    [Fact]
    public async Task Saving_an_empty_risk_says_what_is_missing_beside_each_field()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        IRenderedComponent<IComponent> page = Render<RiskAddPage>(p => p.Add(x => x.RegisterId, RegisterIdAsync("ICT").Result));
        WaitUntilSettled(page, () => Assert.Contains("Add risk", page.Markup, StringComparison.Ordinal));

        Click(page, "Add risk");

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Describe the risk.", page.Markup, StringComparison.Ordinal);
            Assert.Contains("Give the likelihood, from 1 (Low) to 4.", page.Markup, StringComparison.Ordinal);
            Assert.Contains("Say why the risk is scored as it is.", page.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_manager_sees_no_form_on_a_register_they_do_not_own()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var programme = await RegisterIdAsync("Shared Services Programme");

        var add = Render<RiskAddPage>(p => p.Add(x => x.RegisterId, programme));
        var import = Render<RiskImportPage>(p => p.Add(x => x.RegisterId, programme));

        add.WaitForAssertion(() => Assert.Contains("Only the register's owner (Priya Shah) or an administrator can add risks to it.", add.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        import.WaitForAssertion(() => Assert.Contains("Only the register's owner (Priya Shah) or an administrator can import into it.", import.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(add.FindAll("button"));
        Assert.Empty(import.FindComponents<InputFile>());
    }

    [Fact]
    public async Task A_risk_that_has_happened_is_raised_as_an_issue()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        int registerId, riskId;
        await using (var db = await Database.OpenAsync())
        {
            var risk = await db.Risks.SingleAsync(r => r.Ref == "ICT-2", Ct);
            (registerId, riskId) = (risk.RiskRegisterId, risk.Id);
        }

        Services.GetRequiredService<NavigationManager>().NavigateTo($"risks/registers/{registerId}/issues/new?fromRisk={riskId}");
        IRenderedComponent<IComponent> page = Render<IssuePage>(p => p.Add(x => x.RegisterId, registerId));
        WaitUntilSettled(page, () => Assert.Contains("The issue will be issue ICT-I2", TextOf(page), StringComparison.Ordinal));
        Assert.Contains("raised from", page.Markup, StringComparison.Ordinal);

        Choose<IssuePriority?>(page, "Priority", IssuePriority.Medium);
        Click(page, "Add issue");

        page.WaitForAssertion(() => Assert.Matches("/risks/issues/[0-9]+$", Services.GetRequiredService<NavigationManager>().Uri), TimeSpan.FromSeconds(10));
        await using var check = await Database.OpenAsync();
        var issue = await check.RiskIssues.SingleAsync(i => i.Ref == "ICT-I2", Ct);
        Assert.Equal((riskId, IssuePriority.Medium, IssueStatus.Open), (issue.RaisedFromRiskId, issue.Priority, issue.Status));
        Assert.StartsWith("Single email domain not in place", issue.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_problems_lists_them_and_offers_no_import()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var page = Render<RiskImportPage>(p => p.Add(x => x.RegisterId, RegisterIdAsync("ICT").Result));
        WaitUntilSettled(page, () => Assert.NotEmpty(page.FindComponents<InputFile>()));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes("Ref,Risk,L,I\nICT-1,,5,2\n"), "ict.csv"));

        page.WaitForAssertion(() =>
        {
            Assert.Contains("ict.csv has 2 problems, so nothing can be imported.", page.Markup, StringComparison.Ordinal);
            Assert.Equal(["Row 2, L: The likelihood must be from 1 (Low) to 4, not 5.", "Row 2, Risk: Describe the risk."], page.FindAll(".import-errors li").Select(li => li.TextContent).Order());
        }, TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.StartsWith("Import", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_good_file_is_previewed_then_imported_on_confirmation()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var page = Render<RiskImportPage>(p => p.Add(x => x.RegisterId, RegisterIdAsync("ICT").Result));
        WaitUntilSettled(page, () => Assert.NotEmpty(page.FindComponents<InputFile>()));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes("Ref,Risk,L,I\nICT-2,Single email domain not in place at both councils by the end of 2010,2,2\nICT-3,Telephony contract ends,3,3\n"), "ict.csv"));

        page.WaitForAssertion(() => Assert.Contains("ict.csv: 1 new, 0 changed, 1 unchanged", TextOf(page), StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(["Unchanged", "New risk"], page.FindAll(".import-preview tbody tr td:nth-child(3)").Select(td => td.TextContent));
        await using (var db = await Database.OpenAsync())
        {
            Assert.False(await db.Risks.AnyAsync(r => r.Ref == "ICT-3", Ct));
        }

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Import 1 change").Click();

        page.WaitForAssertion(() => Assert.Contains("Imported: 1 new and 0 changed risks.", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await using var check = await Database.OpenAsync();
        Assert.True(await check.Risks.AnyAsync(r => r.Ref == "ICT-3", Ct));
    }
}

public sealed class RiskEditingPagesTestsOnPostgres : RiskEditingPagesTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
