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

public class StatusCardEditorTests : DashboardTestContext
{
    private static readonly DateOnly December = new(2010, 12, 1);

    public StatusCardEditorTests() => Services.AddScoped<StatusCardCommands>();

    private async Task<int> ServiceIdAsync(string name)
    {
        await using var db = await Database.OpenAsync();
        return await db.SharedServices.Where(s => s.Name == name).Select(s => s.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private async Task<StatusUpdate?> DecemberCardAsync(int serviceId)
    {
        await using var db = await Database.OpenAsync();
        return await db.StatusUpdates.AsNoTracking().SingleOrDefaultAsync(u => u.SharedServiceId == serviceId && u.Period == December, Xunit.TestContext.Current.CancellationToken);
    }

    private IRenderedComponent<StatusCardEditor> RenderEditor(int serviceId, Rag? previous, Action? saved = null)
    {
        var host = Render<MudPopoverProvider>();
        _ = host;
        var editor = Render<StatusCardEditor>(p => p
            .Add(e => e.ServiceId, serviceId)
            .Add(e => e.OnSaved, () => saved?.Invoke())
            .Add(e => e.PreviousCard, previous is { } rag ? new StatusUpdate { Period = new DateOnly(2010, 11, 1), Rag = rag, Commentary = "November" } : null));
        WaitUntilSettled(editor, () => Assert.NotNull(editor.Find("textarea")));
        return editor;
    }

    private static void Choose(IRenderedComponent<StatusCardEditor> editor, Rag rag) =>
        editor.FindAll("label").First(l => l.TextContent.Trim() == rag.ToString()).QuerySelector("input")!.Click();

    private static void Type(IRenderedComponent<StatusCardEditor> editor, string field, string text) =>
        editor.Find($"[data-field='{field}'] textarea, textarea[data-field='{field}']").Change(text);

    private static void Save(IRenderedComponent<StatusCardEditor> editor) =>
        editor.FindAll("button").Single(b => b.TextContent.Contains("Save status card", StringComparison.Ordinal)).Click();

    /// <summary>The message under a field (MudBlazor's helper line, which also holds the character counter).</summary>
    private static void FieldError(IRenderedComponent<StatusCardEditor> editor, string text) =>
        Assert.Contains(editor.FindAll(".mud-input-helper-text.mud-input-error, .field-error"), e => e.TextContent.Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task A_manager_saves_this_months_card_for_their_service_and_dashboards_are_told()
    {
        await SignInAsAsync("Rosa Grant", Roles.ServiceManager);
        var payroll = await ServiceIdAsync("Payroll");
        using var announced = new Announcements(Notifier);
        var editor = RenderEditor(payroll, previous: Rag.Green);

        Type(editor, "Commentary", "Wyre Forest payroll transfer on track for April 2011.");
        Save(editor);

        Assert.Equal("Payroll status set to Green", Assert.Single(await announced.AfterFirstAsync()).Summary);
        var card = await DecemberCardAsync(payroll);
        Assert.Equal((Rag.Green, "Wyre Forest payroll transfer on track for April 2011."), (card!.Rag, card.Commentary));
        await using var db = await Database.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "StatusUpdate" && a.EntityId == card.Id.ToString(), Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Commentary_is_required_and_a_move_to_amber_needs_a_reason_shown_beside_the_fields()
    {
        await SignInAsAsync("Rosa Grant", Roles.ServiceManager);
        var payroll = await ServiceIdAsync("Payroll");
        var editor = RenderEditor(payroll, previous: Rag.Green);

        Choose(editor, Rag.Amber);
        Save(editor);

        editor.WaitForAssertion(() => FieldError(editor, "Write the high level commentary the board will read."), TimeSpan.FromSeconds(10));
        FieldError(editor, "Say why the status is now Amber.");
        Assert.Null(await DecemberCardAsync(payroll));
    }

    [Fact]
    public async Task The_second_saver_sees_the_newer_card_keeps_their_text_and_can_then_replace_it()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var ict = await ServiceIdAsync("ICT");
        var editor = RenderEditor(ict, previous: Rag.Amber);
        Type(editor, "Commentary", "My commentary from the administrator.");

        // Meanwhile the ICT manager saves December's card from another browser.
        await using (var db = await Database.OpenAsync())
        {
            var card = await db.StatusUpdates.Include(u => u.UpdatedBy).SingleAsync(u => u.SharedServiceId == ict && u.Period == December, Xunit.TestContext.Current.CancellationToken);
            card.Rag = Rag.Red;
            card.Commentary = "Virtualisation slipped to January.";
            card.ReasonForChange = "Supplier delay.";
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        Save(editor);

        WaitUntilSettled(editor, () => Assert.Contains("Someone else saved this month's card while you were editing", editor.Find("[data-testid='card-conflict']").TextContent, StringComparison.Ordinal));
        var conflict = editor.Find("[data-testid='card-conflict']").TextContent;
        Assert.Contains("Saved by Alex Morgan", conflict, StringComparison.Ordinal);
        Assert.Contains("Virtualisation slipped to January.", conflict, StringComparison.Ordinal);
        Assert.Contains("Red", conflict, StringComparison.Ordinal);
        Assert.Equal("My commentary from the administrator.", editor.Find("[data-field='Commentary'] textarea, textarea[data-field='Commentary']").GetAttribute("value") ?? editor.Find("[data-field='Commentary'] textarea, textarea[data-field='Commentary']").TextContent);
        Assert.Equal("Virtualisation slipped to January.", (await DecemberCardAsync(ict))!.Commentary);

        // Having seen it, saving again deliberately replaces it.
        using var announced = new Announcements(Notifier);
        Choose(editor, Rag.Amber);
        Type(editor, "ReasonForChange", "Supplier delay, recoverable.");
        Save(editor);
        Assert.Single(await announced.AfterFirstAsync());
        Assert.Equal("My commentary from the administrator.", (await DecemberCardAsync(ict))!.Commentary);
    }

    [Fact]
    public async Task A_save_returns_the_card_it_wrote_so_the_editor_keeps_that_version_without_reading_again()
    {
        await SignInAsAsync("Rosa Grant", Roles.ServiceManager);
        var payroll = await ServiceIdAsync("Payroll");
        var commands = Services.GetRequiredService<StatusCardCommands>();

        var (result, written) = await commands.SaveAsync(payroll, null, new StatusCardInput(Rag.Green, "On track.", null), Xunit.TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        var stored = await DecemberCardAsync(payroll);
        Assert.Equal((stored!.Version, "Rosa Grant", "On track."), (written!.Version, written.UpdatedBy, written.Commentary));

        // Saving from that version is the editor's own next save, not someone else's: it goes through.
        var (again, _) = await commands.SaveAsync(payroll, written.Version, new StatusCardInput(Rag.Green, "Still on track.", null), Xunit.TestContext.Current.CancellationToken);
        Assert.True(again.Succeeded);
    }

    [Fact]
    public async Task A_manager_cannot_save_the_card_of_a_service_they_do_not_manage()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var payroll = await ServiceIdAsync("Payroll");
        var editor = RenderEditor(payroll, previous: Rag.Green);

        Type(editor, "Commentary", "Not mine to write.");
        Save(editor);

        editor.WaitForAssertion(() => Assert.Contains(StatusCardCommands.NotYours, editor.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Null(await DecemberCardAsync(payroll));
    }

    [Fact]
    public async Task A_board_member_is_refused_by_the_server_even_if_they_reach_the_command()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);
        var payroll = await ServiceIdAsync("Payroll");

        var (result, _) = await Services.GetRequiredService<StatusCardCommands>().SaveAsync(payroll, null, new StatusCardInput(Rag.Red, "Board member's view", "Because"), Xunit.TestContext.Current.CancellationToken);

        Assert.Equal(StatusCardCommands.NotYours, result.Error);
        Assert.Null(await DecemberCardAsync(payroll));
    }

    [Fact]
    public async Task A_card_moved_back_to_green_does_not_keep_the_reason_written_for_amber()
    {
        await SignInAsAsync("Rosa Grant", Roles.ServiceManager);
        var payroll = await ServiceIdAsync("Payroll");
        var saves = 0;
        var editor = RenderEditor(payroll, previous: Rag.Green, saved: () => saves++);
        Choose(editor, Rag.Amber);
        Type(editor, "Commentary", "Transfer delayed by the supplier.");
        Type(editor, "ReasonForChange", "The supplier missed the test date.");
        Save(editor);
        // Waiting on the editor, not on the database: a query blocked on inside the renderer deadlocks on PostgreSQL.
        WaitUntilSettled(editor, () => Assert.Equal(1, saves));
        Assert.Equal(Rag.Amber, (await DecemberCardAsync(payroll))!.Rag);

        Choose(editor, Rag.Green);
        Type(editor, "Commentary", "Supplier back on track.");
        Save(editor);

        WaitUntilSettled(editor, () => Assert.Equal(2, saves));
        Assert.Equal((Rag.Green, (string?)null), ((await DecemberCardAsync(payroll))!.Rag, (await DecemberCardAsync(payroll))!.ReasonForChange));
    }
}

public sealed class StatusCardEditorTestsOnPostgres : StatusCardEditorTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
