using Dashboard.Domain.Audit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Risks;
using Dashboard.Features.Admin.RiskRegisters;
using Dashboard.Features.Reporting;
using Dashboard.Features.Risks;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Admin;

/// <summary>Administrators set up, rename, archive and restore risk registers on the demo data; nobody else can.</summary>
public class RegisterSetupCommandsTests : DashboardTestContext
{
    public RegisterSetupCommandsTests()
    {
        Services.AddScoped<RegisterSetupCommands>();
        Services.AddScoped<RiskCommands>();
    }

    private RegisterSetupCommands Commands => Services.GetRequiredService<RegisterSetupCommands>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<RiskRegister> RegisterAsync(string name)
    {
        await using var db = await Database.OpenAsync();
        return await db.RiskRegisters.AsNoTracking().SingleAsync(r => r.Name == name, Ct);
    }

    private async Task<RegisterInput> BromsgroveCorporateAsync()
    {
        await using var db = await Database.OpenAsync();
        return new RegisterInput
        {
            Name = "Bromsgrove corporate risks",
            Kind = RiskRegisterKind.Council,
            CouncilId = await db.Councils.Where(c => c.Code == "BDC").Select(c => c.Id).SingleAsync(Ct),
            OwnerId = await db.People.Where(p => p.Name == "Dana Hughes").Select(p => p.Id).SingleAsync(Ct),
            RiskAppetite = 8,
        };
    }

    private async Task<List<string>> PickerAsync()
    {
        await using var db = await Database.OpenAsync();
        return [.. (await RiskQueries.RegistersAsync(db, Ct)).Select(r => r.Name)];
    }

    private async Task<(int Registers, int Audit)> CountsAsync()
    {
        await using var db = await Database.OpenAsync();
        return (await db.RiskRegisters.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task An_administrator_sets_up_a_councils_corporate_register_listed_after_the_programmes_and_the_services()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        using var announced = new Announcements(Notifier);

        var (result, id) = await Commands.CreateAsync(await BromsgroveCorporateAsync(), Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(["Shared Services Programme", "ICT", "Property Services", "Bromsgrove corporate risks"], await PickerAsync());
        var saved = await RegisterAsync("Bromsgrove corporate risks");
        Assert.Equal((RiskRegisterKind.Council, 8), (saved.Kind, saved.RiskAppetite));
        Assert.NotNull(saved.CouncilId);
        await using var db = await Database.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(RiskRegister) && a.EntityId == id.ToString() && a.Action == AuditAction.Created, Ct));
        Assert.Equal("Risk register Bromsgrove corporate risks set up", Assert.Single(await announced.AfterFirstAsync()).Summary);
    }

    [Theory]
    [InlineData("Kim Adams", Roles.ServiceManager)]
    [InlineData("Cllr Jordan Ellis", Roles.BoardMember)]
    public async Task Anyone_but_an_administrator_is_refused_even_the_registers_own_owner(string person, string role)
    {
        // Kim Adams owns the programme register and may change its risks, but not set registers up.
        await SignInAsAsync(person, role);
        var programme = await RegisterAsync("Shared Services Programme");
        var before = await CountsAsync();

        Assert.Equal(RegisterSetupCommands.OnlyAdministrators, (await Commands.CreateAsync(await BromsgroveCorporateAsync(), Ct)).Result.Error);
        Assert.Equal(RegisterSetupCommands.OnlyAdministrators, (await Commands.UpdateAsync(programme.Id, programme.Version, RegisterInput.From(programme) with { Name = "Programme" }, Ct)).Error);
        Assert.Equal(RegisterSetupCommands.OnlyAdministrators, (await Commands.ArchiveAsync(programme.Id, Ct)).Error);

        Assert.Equal(before, await CountsAsync());
        Assert.Null((await RegisterAsync("Shared Services Programme")).ArchivedOn);
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_saves_nothing()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var before = await CountsAsync();
        var input = await BromsgroveCorporateAsync() with { Name = "ict", Kind = RiskRegisterKind.Programme, RiskAppetite = 20, OwnerId = 999_999 };

        var (result, id) = await Commands.CreateAsync(input, Ct);

        Assert.Null(id);
        Assert.Equal("There is already a register called ICT: choose another name.", result.FieldErrors["Name"]);
        Assert.Equal("The programme already has a register in use (Shared Services Programme): archive it first.", result.FieldErrors["Kind"]);
        Assert.StartsWith("Choose a risk appetite from 1 to 16", result.FieldErrors["RiskAppetite"], StringComparison.Ordinal);
        Assert.StartsWith("That person has been deactivated or is not in the dashboard", result.FieldErrors["OwnerId"], StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Renaming_keeps_the_risks_and_a_stale_copy_is_refused()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var ict = await RegisterAsync("ICT");

        Assert.True((await Commands.UpdateAsync(ict.Id, ict.Version, RegisterInput.From(ict) with { Name = "ICT risks", RiskAppetite = 4 }, Ct)).Succeeded);
        var stale = await Commands.UpdateAsync(ict.Id, ict.Version, RegisterInput.From(ict) with { Name = "ICT service risks" }, Ct);

        Assert.Equal(RegisterSetupCommands.ChangedMeanwhile, stale.Error);
        var renamed = await RegisterAsync("ICT risks");
        Assert.Equal((ict.Id, 4, RiskRegisterKind.Service, ict.SharedServiceId), (renamed.Id, renamed.RiskAppetite, renamed.Kind, renamed.SharedServiceId));
        await using var db = await Database.OpenAsync();
        Assert.Equal(2, await db.Risks.CountAsync(r => r.RiskRegisterId == ict.Id, Ct));
    }

    [Fact]
    public async Task An_archived_programme_register_leaves_the_picker_and_the_board_keeps_its_risks_readable_and_restores_only_alone()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var programme = await RegisterAsync("Shared Services Programme");

        Assert.True((await Commands.ArchiveAsync(programme.Id, Ct)).Succeeded);

        Assert.Equal(["ICT", "Property Services"], await PickerAsync());
        await using (var db = await Database.OpenAsync())
        {
            Assert.Null(await RiskQueries.ProgrammeRegisterAsync(db, Ct));
            Assert.DoesNotContain(await RiskQueries.CurrentRisksAsync(db, cancellationToken: Ct), r => r.RegisterId == programme.Id);
            Assert.Equal(14, (await RiskQueries.CurrentRisksAsync(db, programme.Id, cancellationToken: Ct)).Count);

            // The pack of a meeting held before it was archived still shows it.
            var november = await db.BoardMeetings.SingleAsync(m => m.Date == new DateOnly(2010, 11, 11), Ct);
            Assert.Equal("Shared Services Programme", (await BoardPackBuilder.BuildAsync(db, november, ScoreBandSet.Default, Dashboard.Domain.Performance.PerformanceRules.Default, Ct)).RiskRegisterName);
        }

        var (added, _) = await Services.GetRequiredService<RiskCommands>().AddAsync(programme.Id, new RiskInput(null, "Another risk", null, 2, 2, "Why", null, null), Ct);
        Assert.Equal("The Shared Services Programme register is archived: an administrator must restore it before risks can be added.", added.Error);

        // A new programme register takes its place; the old one cannot come back beside it.
        var (created, _) = await Commands.CreateAsync(await BromsgroveCorporateAsync() with { Name = "Programme 2011", Kind = RiskRegisterKind.Programme }, Ct);
        Assert.True(created.Succeeded);
        Assert.Equal("Shared Services Programme cannot be restored. The programme already has a register in use (Programme 2011): archive it first.",
            (await Commands.RestoreAsync(programme.Id, Ct)).Error);

        var replacement = await RegisterAsync("Programme 2011");
        Assert.True((await Commands.ArchiveAsync(replacement.Id, Ct)).Succeeded);
        Assert.True((await Commands.RestoreAsync(programme.Id, Ct)).Succeeded);
        Assert.Equal("Shared Services Programme", (await PickerAsync())[0]);
    }
}

/// <summary>The same register set-up commands on PostgreSQL.</summary>
public sealed class RegisterSetupCommandsTestsOnPostgres : RegisterSetupCommandsTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
