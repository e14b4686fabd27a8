using Dashboard.Auth;
using Dashboard.Components;
using Dashboard.Data;
using Dashboard.Email;
using Dashboard.Features.Reminders;
using Dashboard.Features.Performance;
using Dashboard.Features.Reporting;
using Dashboard.Features.Rollups;
using Dashboard.Features.Risks;
using Dashboard.Features.Services;
using Dashboard.Hosting;
using Dashboard.Jobs;
using Dashboard.Live;

if (MigrationScaffolding.TryRun(args))
{
    return 0;
}

if (await DatabaseCopy.TryRunAsync(args))
{
    return Environment.ExitCode;
}

try
{
    var builder = DashboardConfiguration.CreateBuilder(args);
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

    var app = builder.Build();
    await app.PrepareDatabaseAsync();

    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
    }

    app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
    app.UseAntiforgery();
    app.MapStaticAssets().AllowAnonymous();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    app.MapSignOut();
    app.MapCouncilIdentityProvider();
    app.MapBoardPackExport();
    app.MapJobs();
    app.MapRiskRegisterExport();
    app.MapPiValueExport();

    await app.RunAsync();
    return 0;
}
catch (StartupException e)
{
    await Console.Error.WriteLineAsync($"Dashboard cannot start: {e.Message}");
    return 1;
}

public partial class Program;
