using Dashboard.Data;
using Npgsql;

namespace Dashboard.Tests.Support;

/// <summary>
/// A real PostgreSQL database of its own on the server named by DASHBOARD_TEST_POSTGRES (started by
/// `.ci/start-postgres`), migrated with the committed PostgreSQL migrations and dropped afterwards.
/// Without a server the tests skip locally with the reason, but fail under CI (CI=true).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private const string ServerVariable = "DASHBOARD_TEST_POSTGRES";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? seededTemplate;

    private PostgresDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
        Database = DashboardDatabase.Postgres(ConnectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public DashboardDatabase Database { get; }

    private static string ServerConnectionString => Environment.GetEnvironmentVariable(ServerVariable)!;

    public static void RequireServer()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ServerVariable)))
        {
            return;
        }

        var reason = $"PostgreSQL tests need a server: export {ServerVariable}=\"$(bash .ci/start-postgres)\" (.ci/run does this).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }

    /// <summary>An empty database with the PostgreSQL migrations applied.</summary>
    public static async Task<PostgresDatabase> CreateEmptyAsync()
    {
        RequireServer();
        var database = new PostgresDatabase(NewName());
        await ExecuteOnServerAsync($"CREATE DATABASE \"{database.Name}\"");
        await DatabaseMigration.MigrateAsync(database.Database.ContextFactory(), null, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        return database;
    }

    /// <summary>A database holding the demo data, copied from a template seeded once per test run.</summary>
    public static async Task<PostgresDatabase> CreateSeededAsync()
    {
        RequireServer();
        var template = await SeededTemplateAsync();
        var database = new PostgresDatabase(NewName());
        await ExecuteOnServerAsync($"CREATE DATABASE \"{database.Name}\" TEMPLATE \"{template}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static string NewName() => $"dashboard_test_{Guid.NewGuid():N}";

    private static async Task<string> SeededTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (seededTemplate is null)
            {
                var name = NewName();
                await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
                await TestDatabase.MigrateAndSeedDemoAsync(new PostgresDatabase(name).Database);

                // A template must have no open connections when it is copied.
                NpgsqlConnection.ClearAllPools();
                seededTemplate = name;
            }

            return seededTemplate;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
