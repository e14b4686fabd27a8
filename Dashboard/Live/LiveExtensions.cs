using Dashboard.Data;
using Dashboard.Hosting;

namespace Dashboard.Live;

public static class LiveExtensions
{
    /// <summary>In-process on SQLite (one server); across servers through PostgreSQL LISTEN/NOTIFY.</summary>
    public static WebApplicationBuilder AddLiveUpdates(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.Bind<DatabaseOptions>("Database");
        if (database.Provider != DatabaseProvider.Postgres)
        {
            builder.Services.AddSingleton<IChangeNotifier, InProcessChangeNotifier>();
            return builder;
        }

        builder.Services.AddSingleton<InProcessChangeNotifier>();
        builder.Services.AddSingleton(sp => new PostgresChangeNotifier(
            database.ConnectionString!,
            sp.GetRequiredService<InProcessChangeNotifier>(),
            sp.GetRequiredService<ILogger<PostgresChangeNotifier>>()));
        builder.Services.AddSingleton<IChangeNotifier>(sp => sp.GetRequiredService<PostgresChangeNotifier>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeNotifier>());
        return builder;
    }
}
