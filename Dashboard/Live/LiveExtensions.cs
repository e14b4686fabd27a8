using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Hosting;

namespace Dashboard.Live;

public static class LiveExtensions
{
    /// <summary>In-process on SQLite (one server); across servers through PostgreSQL LISTEN/NOTIFY.</summary>
    public static WebApplicationBuilder AddLiveUpdates(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.Bind<DatabaseOptions>("Database");
        builder.Services.AddSingleton<InProcessChangeNotifier>();
        builder.Services.AddSingleton<SharedReads>();
        if (database.Provider != DatabaseProvider.Postgres)
        {
            builder.Services.AddSingleton<IChangeNotifier>(sp => sp.GetRequiredService<InProcessChangeNotifier>());
            return builder;
        }

        builder.Services.AddSingleton(sp => new PostgresChangeNotifier(
            database.ConnectionString!,
            sp.GetRequiredService<InProcessChangeNotifier>(),
            sp.GetRequiredService<ILogger<PostgresChangeNotifier>>()));
        builder.Services.AddSingleton<IChangeNotifier>(sp => sp.GetRequiredService<PostgresChangeNotifier>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeNotifier>());
        return builder;
    }

    /// <summary>
    /// Off unless <c>Live:Diagnostics</c> is true (the benchmark turns it on), and administrators only: the managed heap
    /// after a forced full collection, which pauses the server, and the recent changes' fan-out times.
    /// </summary>
    public static WebApplication MapLiveDiagnostics(this WebApplication app)
    {
        if (!app.Configuration.Bind<LiveOptions>("Live").Diagnostics)
        {
            return app;
        }

        app.MapGet("/diagnostics/live", (InProcessChangeNotifier notifier) =>
        {
            // Twice, with the finalizers between, so objects that finalizers released are counted as gone.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return Results.Ok(new LiveDiagnostics(GC.GetTotalMemory(forceFullCollection: false), notifier.SubscriberCount, notifier.FanOuts.Recent));
        }).RequireAuthorization(AuthExtensions.AdministratorsOnly);
        return app;
    }
}

/// <summary>Settings under <c>Live</c>.</summary>
public sealed class LiveOptions
{
    /// <summary>Serve <c>/diagnostics/live</c> to administrators (for the benchmark; a forced collection pauses the server).</summary>
    public bool Diagnostics { get; set; }
}

/// <summary>What <c>/diagnostics/live</c> returns.</summary>
public sealed record LiveDiagnostics(long ManagedHeapBytes, int Subscribers, IReadOnlyList<FanOut> FanOuts);
