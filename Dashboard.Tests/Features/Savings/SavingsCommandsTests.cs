using Dashboard.Domain.Audit;
using Dashboard.Domain.Finance;
using Dashboard.Domain.Organisation;
using Dashboard.Features.Savings;
using Dashboard.Live;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Features.Savings;

/// <summary>
/// Savings lines changed through the commands the page calls, as each kind of user: administrators add, change and
/// remove; a line's owner updates its forecast, delivered to date and commentary; nobody else changes anything,
/// whoever calls the command. Bad input and stale copies save nothing.
/// </summary>
public class SavingsCommandsTests : DashboardTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<SavingsCommands> AsAsync(string personName, params string[] roles) =>
        new(Database.Factory, await TestUsers.CurrentUserAsync(Database, personName, roles), Notifier);

    private async Task<SavingsLine> LineAsync(string? council, int year = 2010)
    {
        await using var db = await Database.OpenAsync();
        return await db.SavingsLines.AsNoTracking().SingleAsync(l => l.FinancialYear == year && (council == null ? l.CouncilId == null : l.Council!.Code == council), Ct);
    }

    private async Task<int> CouncilIdAsync(string code)
    {
        await using var db = await Database.OpenAsync();
        return await db.Councils.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(Ct);
    }

    private async Task<int> PersonIdAsync(string name)
    {
        await using var db = await Database.OpenAsync();
        return await db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<List<(int Id, decimal Target, decimal Forecast, decimal? Delivered, string? Commentary)>> EveryLineAsync()
    {
        await using var db = await Database.OpenAsync();
        return (await db.SavingsLines.AsNoTracking().OrderBy(l => l.Id).ToListAsync(Ct)).Select(l => (l.Id, l.Target, l.Forecast, l.Delivered, l.Commentary)).ToList();
    }

    private static SavingsLineInput Edited(SavingsLine line) => new()
    {
        CouncilId = line.CouncilId,
        NotSplit = line.CouncilId is null,
        FinancialYear = line.FinancialYear,
        Description = line.Description,
        SharedServiceId = line.SharedServiceId,
        OwnerId = line.OwnerId,
        Target = Money.Editable(line.Target),
        Forecast = Money.Editable(line.Forecast),
        Delivered = line.Delivered is { } d ? Money.Editable(d) : null,
        Commentary = line.Commentary,
    };

    [Fact]
    public async Task An_administrator_adds_a_line_for_next_year_audited_and_announced()
    {
        var commands = await AsAsync("Priya Shah", Roles.Administrator);
        using var announced = new Announcements(Notifier);
        var input = new SavingsLineInput
        {
            CouncilId = await CouncilIdAsync("BDC"), FinancialYear = 2011, Description = "WETT programme", OwnerId = await PersonIdAsync("Ian Brooks"),
            Target = "150,000", Forecast = "150000", Commentary = "Anticipated from the WETT programme.",
        };

        var (result, id) = await commands.AddAsync(input, Ct);

        Assert.True(result.Succeeded);
        var year = await commands.YearAsync(2011, Ct);
        var added = year.Lines.Single(l => l.Id == id);
        Assert.Equal(("BDC", "WETT programme", "Ian Brooks", 150_000m, 150_000m, (decimal?)null), (added.CouncilCode, added.Description, added.Owner, added.Target, added.Forecast, added.Delivered));
        Assert.Equal(150_000m, year.Summary.BothCouncils.Target);
        var change = Assert.Single(await announced.AfterFirstAsync());
        Assert.Equal((ChangeArea.Savings, id, "Savings line added: WETT programme"), (change.Area, change.EntityId, change.Summary));
        await using var db = await Database.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SavingsLine) && a.EntityId == id.ToString() && a.Action == AuditAction.Created, Ct));
    }

    [Fact]
    public async Task The_lines_owner_reports_delivered_to_date_and_a_new_forecast()
    {
        var bdc = await LineAsync("BDC");
        var commands = await AsAsync("Dana Hughes", Roles.ReportOwner);

        var (result, newer) = await commands.SaveAsync(bdc.Id, bdc.Version, Edited(bdc) with { Forecast = "430,000", Delivered = "£212,500.50", Commentary = "Two posts kept on to March." }, Ct);

        Assert.True(result.Succeeded, result.Error);
        Assert.Null(newer);
        var saved = await LineAsync("BDC");
        Assert.Equal((450_000m, 430_000m, (decimal?)212_500.50m, "Two posts kept on to March."), (saved.Target, saved.Forecast, saved.Delivered, saved.Commentary));
        Assert.NotEqual(bdc.Version, saved.Version);
    }

    [Fact]
    public async Task The_owner_cannot_change_the_target_or_what_the_saving_is_and_nothing_is_saved()
    {
        var bdc = await LineAsync("BDC");
        var commands = await AsAsync("Dana Hughes", Roles.ReportOwner);
        var before = await EveryLineAsync();

        var (result, _) = await commands.SaveAsync(bdc.Id, bdc.Version, Edited(bdc) with { Target = "500000", Description = "Bigger saving", Forecast = "1" }, Ct);

        Assert.Equal("Only an administrator can change a line's description and target; you can update its forecast, delivered to date and commentary.", result.Error);
        Assert.Equal(before, await EveryLineAsync());
    }

    [Theory]
    [InlineData("Alex Morgan", Roles.ServiceManager)]
    [InlineData("Cllr Jordan Ellis", Roles.BoardMember)]
    public async Task Someone_who_neither_owns_the_line_nor_administers_changes_nothing_whoever_calls_the_commands(string person, string role)
    {
        var bdc = await LineAsync("BDC");
        var commands = await AsAsync(person, role);
        var before = await EveryLineAsync();

        var (saved, _) = await commands.SaveAsync(bdc.Id, bdc.Version, Edited(bdc) with { Delivered = "1" }, Ct);
        var (added, _) = await commands.AddAsync(Edited(bdc) with { Description = "Sneaked in" }, Ct);
        var removed = await commands.RemoveAsync(bdc.Id, bdc.Version, Ct);

        Assert.Equal(SavingsCommands.NotYours, saved.Error);
        Assert.Equal(SavingsCommands.AdministratorsOnly, added.Error);
        Assert.Equal(SavingsCommands.AdministratorsOnly, removed.Error);
        Assert.Equal(before, await EveryLineAsync());
    }

    [Fact]
    public async Task An_owner_of_one_line_cannot_update_anothers()
    {
        var rbc = await LineAsync("RBC");
        var commands = await AsAsync("Dana Hughes", Roles.ReportOwner);

        var (result, _) = await commands.SaveAsync(rbc.Id, rbc.Version, Edited(rbc) with { Delivered = "100" }, Ct);

        Assert.Equal(SavingsCommands.NotYours, result.Error);
        Assert.Null((await LineAsync("RBC")).Delivered);
    }

    [Fact]
    public async Task Negative_amounts_and_a_missing_description_are_refused_beside_their_fields_and_nothing_is_saved()
    {
        var bdc = await LineAsync("BDC");
        var commands = await AsAsync("Priya Shah", Roles.Administrator);
        var before = await EveryLineAsync();

        var (result, _) = await commands.SaveAsync(bdc.Id, bdc.Version, Edited(bdc) with { Description = "", Forecast = "-5", Delivered = "lots" }, Ct);
        var (added, id) = await commands.AddAsync(new SavingsLineInput { FinancialYear = 2010, Target = "-1" }, Ct);

        Assert.Equal("Describe the saving, e.g. \"Single management team\".", result.FieldErrors[nameof(SavingsLineInput.Description)]);
        Assert.Equal("The forecast cannot be negative.", result.FieldErrors[nameof(SavingsLineInput.Forecast)]);
        Assert.Equal("Enter the delivered to date in pounds and pence, e.g. 450,000 or 450,000.50.", result.FieldErrors[nameof(SavingsLineInput.Delivered)]);
        Assert.Equal("The target cannot be negative.", added.FieldErrors[nameof(SavingsLineInput.Target)]);
        Assert.True(added.FieldErrors.ContainsKey(nameof(SavingsLineInput.CouncilId)));
        Assert.Null(id);
        Assert.Equal(before, await EveryLineAsync());
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_the_newer_figures_shown_and_the_first_save_kept()
    {
        var opened = await LineAsync("RBC");
        var first = await AsAsync("Priya Shah", Roles.Administrator);
        Assert.True((await first.SaveAsync(opened.Id, opened.Version, Edited(opened) with { Delivered = "200000" }, Ct)).Result.Succeeded);

        var (result, newer) = await first.SaveAsync(opened.Id, opened.Version, Edited(opened) with { Delivered = "999999" }, Ct);

        Assert.Equal(SavingsCommands.SavedMeanwhile, result.Error);
        Assert.Equal(200_000m, newer!.Delivered);
        Assert.Equal(200_000m, (await LineAsync("RBC")).Delivered);
        Assert.True((await first.SaveAsync(opened.Id, newer.Version, Edited(opened) with { Delivered = "999999" }, Ct)).Result.Succeeded);
        Assert.Equal(999_999m, (await LineAsync("RBC")).Delivered);
    }

    [Fact]
    public async Task An_administrator_removes_a_line_but_not_one_changed_since_they_looked()
    {
        var commands = await AsAsync("Priya Shah", Roles.Administrator);
        var smt = await LineAsync(null, 2011);
        var rbc = await LineAsync("RBC");
        Assert.True((await commands.SaveAsync(rbc.Id, rbc.Version, Edited(rbc) with { Commentary = "Updated" }, Ct)).Result.Succeeded);

        var stale = await commands.RemoveAsync(rbc.Id, rbc.Version, Ct);
        var removed = await commands.RemoveAsync(smt.Id, smt.Version, Ct);

        Assert.StartsWith("Someone changed this savings line since you opened the page", stale.Error, StringComparison.Ordinal);
        Assert.True(removed.Succeeded);
        Assert.Equal(3, (await EveryLineAsync()).Count);
        await using var db = await Database.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SavingsLine) && a.EntityId == smt.Id.ToString() && a.Action == AuditAction.Deleted, Ct));
    }

    [Fact]
    public async Task A_year_adds_up_per_council_and_lists_the_management_team_saving_beside_the_totals()
    {
        var year = await (await AsAsync("Cllr Jordan Ellis", Roles.BoardMember)).YearAsync(2010, Ct);

        Assert.Equal([("BDC", 450_000m), ("RBC", 514_000m)], year.Summary.Councils.Select(c => (c.CouncilCode, c.Total.Target)));
        Assert.Equal((964_000m, 964_000m, (decimal?)null), (year.Summary.BothCouncils.Target, year.Summary.BothCouncils.Forecast, year.Summary.BothCouncils.Delivered));
        Assert.Equal(330_000m, year.Summary.NotSplit!.Target);
        Assert.Equal("Forecast £964,000 of £964,000 target; delivered to date not yet reported.", SavingsWording.Statement(year.Summary.BothCouncils));
    }
}

public sealed class SavingsCommandsTestsOnPostgres : SavingsCommandsTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
