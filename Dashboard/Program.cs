using Dashboard.Auth;
using Dashboard.Components;
using Dashboard.Data;
using Dashboard.Features.Reporting;
using Dashboard.Features.Risks;
using Dashboard.Features.Services;
using Dashboard.Hosting;
using Dashboard.Live;

if (MigrationScaffolding.TryRun(args))
{
    return 0;
}

try
{
    var builder = DashboardConfiguration.CreateBuilder(args);
    builder.AddReportingClock();
    builder.AddData();
    builder.AddAuth();
    builder.AddUserInterface();
    builder.AddLiveUpdates();
    builder.AddRisks();
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
    app.MapBoardPackExport();

    await app.RunAsync();
    return 0;
}
catch (StartupException e)
{
    await Console.Error.WriteLineAsync($"Dashboard cannot start: {e.Message}");
    return 1;
}

public partial class Program;
