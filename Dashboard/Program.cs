using Dashboard.Auth;
using Dashboard.Components;
using Dashboard.Data;
using Dashboard.Email;
using Dashboard.Features.Admin;
using Dashboard.Features.Admin.RiskRegisters;
using Dashboard.Features.Admin.ServicesAndProjects;
using Dashboard.Features.Admin.People;
using Dashboard.Features.Reminders;
using Dashboard.Features.Performance;
using Dashboard.Features.Reporting;
using Dashboard.Features.Rollups;
using Dashboard.Features.Risks;
using Dashboard.Features.Savings;
using Dashboard.Features.Services;
using Dashboard.Hosting;
using Dashboard.Jobs;
using Dashboard.Live;
using Dashboard.Operations;

if (MigrationScaffolding.TryRun(args))
{
    return 0;
}

if (await DatabaseCopy.TryRunAsync(args) || await DatabaseRestore.TryRunAsync(args))
{
    return Environment.ExitCode;
}

try
{
    var builder = DashboardConfiguration.CreateBuilder(args);
    builder.AddWebSecurity();
    builder.AddReportingClock();
    builder.AddData();
    builder.AddAuth();
    builder.AddCouncilIdentityProvider();
    builder.AddUserInterface();
    builder.AddLiveUpdates();
    builder.AddRisks();
    builder.AddJobs();
    builder.AddEmail();
    builder.AddReminders();
    builder.AddQuarterlyRollups();
    builder.AddPerformance();
    builder.AddSharedServices();
    builder.AddMeetings();
    builder.AddSavings();
    builder.AddServiceSetup();
    builder.AddRegisterSetup();
    builder.AddPeople();
    builder.AddOperations();

    var app = builder.Build();
    await app.BackUpBeforeUpgradeAsync();
    await app.PrepareDatabaseAsync();

    app.UseWebSecurity();
    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
    }

    app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

    // Written out (the host would add them first otherwise) so that the headers above reach every response,
    // sign-in redirects and refusals included.
    app.UseRouting();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseAntiforgery();
    app.MapStaticAssets().AllowAnonymous();

    // frame-ancestors is in the app's own Content-Security-Policy (WebSecurity), one header for the whole policy.
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
    app.MapSignOut();
    app.MapCouncilIdentityProvider();
    app.MapBoardPackExport();
    app.MapJobs();
    app.MapOperations();
    app.MapRiskRegisterExport();
    app.MapPiValueExport();
    app.MapPeopleExport();
    app.MapPersonalDataExport();
    app.MapServiceExport();
    app.MapAuditExport();
    app.MapLiveDiagnostics();

    await app.RunAsync();
    return 0;
}
catch (StartupException e)
{
    await Console.Error.WriteLineAsync($"Dashboard cannot start: {e.Message}");
    return 1;
}

public partial class Program;
