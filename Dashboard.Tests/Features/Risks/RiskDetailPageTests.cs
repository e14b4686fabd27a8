using AngleSharp.Dom;
using Bunit;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Organisation;
using Dashboard.Features.Risks;
using Dashboard.Live;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Features.Risks;

/// <summary>A risk's page while someone else saves the same risk: what is typed is never replaced, and never lost unseen.</summary>
public class RiskDetailPageTests : DashboardTestContext
{
    private const string Typed = "Both councils move to one Exchange organisation over the Christmas break.";

    public RiskDetailPageTests()
    {
        Services.AddScoped<RiskCommands>();

        // As the app does: the page's own saves are audited as the signed-in person.
        Services.AddScoped(sp => Database.Database.ContextFactory(new Dashboard.Audit.AuditActorSource(sp)));
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<(int RiskId, string Title)> RiskAsync(string reference)
    {
        await using var db = await Database.OpenAsync();
        var risk = await db.Risks.SingleAsync(r => r.Ref == reference, Ct);
        return (risk.Id, risk.Title);
    }

    private async Task<IRenderedComponent<RiskDetailPage>> RenderAsync(int riskId)
    {
        Render<MudPopoverProvider>();
        var page = Render<RiskDetailPage>(p => p.Add(x => x.Id, riskId));
        WaitUntilSettled(page, () => Assert.Contains("Save changes", page.Markup, StringComparison.Ordinal));
        return page;
    }

    private static IElement Box(IRenderedComponent<RiskDetailPage> page, string label) =>
        page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == label).Find("input,textarea");

    private static string? Shown(IRenderedComponent<RiskDetailPage> page, string label) =>
        Box(page, label) is var box && box.GetAttribute("value") is { } value ? value : box.TextContent;

    // Found and clicked in one go on the renderer: on PostgreSQL a refresh may still be re-rendering the form.
    private static void Click(IRenderedComponent<RiskDetailPage> page, string text) =>
        page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == text).ClickAsync(new())).GetAwaiter().GetResult();

    /// <summary>The ICT manager saves the risk from another browser, and the change is announced as the app does.</summary>
    private async Task SavedElsewhereAsync(int riskId, string? title = null, string? mitigation = null)
    {
        await using (var db = await Database.OpenAsync())
        {
            var manager = await db.People.SingleAsync(p => p.Name == "Alex Morgan", Ct);
            db.Actor = new AuditActor(manager.Name, manager.Id);
            var risk = await db.Risks.SingleAsync(r => r.Id == riskId, Ct);
            risk.Title = title ?? risk.Title;
            risk.Mitigation = mitigation ?? risk.Mitigation;
            await db.SaveChangesAsync(Ct);
        }

        Notifier.Publish(new DashboardChange(ChangeArea.Risks, riskId, "Risk edited"));
    }

    private async Task<(string Title, string? Mitigation)> StoredAsync(int riskId)
    {
        await using var db = await Database.OpenAsync();
        var risk = await db.Risks.AsNoTracking().SingleAsync(r => r.Id == riskId, Ct);
        return (risk.Title, risk.Mitigation);
    }

    [Fact]
    public async Task Typing_survives_another_persons_save_which_is_shown_and_then_must_be_saved_over_on_purpose()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var (riskId, _) = await RiskAsync("ICT-2");
        var page = await RenderAsync(riskId);
        Box(page, "Mitigation").Input(Typed);

        await SavedElsewhereAsync(riskId, title: "Single email domain by January 2011", mitigation: "Supplier chased weekly.");

        // The typing stays; the untouched title follows their save; who saved, when, and what they wrote are shown.
        WaitUntilSettled(page, () => Assert.Matches("Changed by Alex Morgan at [0-9]{2}:[0-9]{2}", page.Find("[data-testid='risk-conflict']").TextContent));
        Assert.Equal(Typed, Shown(page, "Mitigation"));
        Assert.Equal("Single email domain by January 2011", Shown(page, "Risk"));
        Assert.Contains("Mitigation now: Supplier chased weekly.", page.Find("[data-testid='risk-conflict']").TextContent, StringComparison.Ordinal);
        Assert.Equal("status", page.Find("[data-testid='risk-conflict']").GetAttribute("role"));

        // Saving now is refused rather than silently replacing what they saved.
        Click(page, "Save changes");
        WaitUntilSettled(page, () => Assert.Contains("Someone else changed this risk while you were editing.", page.Find("[data-testid='risk-conflict']").TextContent, StringComparison.Ordinal));
        Assert.Equal("alert", page.Find("[data-testid='risk-conflict']").GetAttribute("role"));
        Assert.Equal(Typed, Shown(page, "Mitigation"));
        Assert.Equal("Supplier chased weekly.", (await StoredAsync(riskId)).Mitigation);
        Assert.DoesNotContain(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Risk saved.");

        // Having seen theirs, saving again replaces their mitigation and keeps their title.
        Click(page, "Save changes");
        WaitUntilSettled(page, () =>
        {
            Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Risk saved.");
            Assert.Empty(page.FindAll("[data-testid='risk-conflict']"));
        });
        Assert.Equal(("Single email domain by January 2011", Typed), await StoredAsync(riskId));
    }

    [Fact]
    public async Task Reload_drops_the_typing_for_the_version_someone_else_saved()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var (riskId, _) = await RiskAsync("ICT-2");
        var page = await RenderAsync(riskId);
        Box(page, "Mitigation").Input(Typed);
        await SavedElsewhereAsync(riskId, mitigation: "Supplier chased weekly.");
        WaitUntilSettled(page, () => Assert.NotNull(page.Find("[data-testid='risk-conflict']")));

        Click(page, "Reload");

        WaitUntilSettled(page, () => Assert.Equal("Supplier chased weekly.", Shown(page, "Mitigation")));
        Assert.Empty(page.FindAll("[data-testid='risk-conflict']"));
    }

    [Fact]
    public async Task Re_assessing_while_edits_are_typed_keeps_them_and_they_then_save()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var (riskId, _) = await RiskAsync("ICT-2");
        var page = await RenderAsync(riskId);
        Box(page, "Mitigation").Input(Typed);

        await page.InvokeAsync(() => page.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Label == "Likelihood").Instance.ValueChanged.InvokeAsync(3));
        await page.InvokeAsync(() => page.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Label == "Impact").Instance.ValueChanged.InvokeAsync(2));
        Box(page, "Why").Change("Supplier slipped a fortnight.");
        Click(page, "Save assessment");

        // The re-assessment saved the risk (a new version) but is this person's own: nothing to warn about.
        WaitUntilSettled(page, () => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Assessment saved."));
        Assert.Empty(page.FindAll("[data-testid='risk-conflict']"));
        Assert.Equal(Typed, Shown(page, "Mitigation"));
        Click(page, "Save changes");
        WaitUntilSettled(page, () => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Risk saved."));
        Assert.Equal(Typed, (await StoredAsync(riskId)).Mitigation);
    }

    [Fact]
    public async Task With_nothing_typed_another_persons_save_simply_shows()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var (riskId, _) = await RiskAsync("ICT-2");
        var page = await RenderAsync(riskId);

        await SavedElsewhereAsync(riskId, mitigation: "Supplier chased weekly.");

        WaitUntilSettled(page, () => Assert.Equal("Supplier chased weekly.", Shown(page, "Mitigation")));
        Assert.Empty(page.FindAll("[data-testid='risk-conflict']"));
        Box(page, "Mitigation").Input("Supplier chased weekly; escalated to directors.");
        Click(page, "Save changes");
        WaitUntilSettled(page, () => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Risk saved."));
        Assert.Equal("Supplier chased weekly; escalated to directors.", (await StoredAsync(riskId)).Mitigation);
    }
}

public sealed class RiskDetailPageTestsOnPostgres : RiskDetailPageTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
