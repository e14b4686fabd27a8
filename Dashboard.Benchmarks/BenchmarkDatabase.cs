using System.Data.Common;
using Dashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dashboard.Benchmarks;

/// <summary>
/// A fresh database of the run's own, migrated with the app's committed migrations: a SQLite file in a
/// temporary folder, or a new database on a PostgreSQL server (dropped afterwards).
/// </summary>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string? postgresServer;
    private readonly string? postgresName;

    private BenchmarkDatabase(DashboardDatabase database, string directory, string? postgresServer, string? postgresName)
    {
        Database = database;
        Directory = directory;
        this.postgresServer = postgresServer;
        this.postgresName = postgresName;
    }

    public DashboardDatabase Database { get; }

    /// <summary>A temporary folder of the run's own (the SQLite file, and where the app runs).</summary>
    public string Directory { get; }

    /// <summary>The settings that point the app at this database.</summary>
    public IReadOnlyDictionary<string, string> AppSettings => Database.Provider == DatabaseProvider.Postgres
        ? new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = ConnectionString }
        : new Dictionary<string, string> { ["Database__Path"] = Database.File!.FullPath };

    public string ConnectionString => Database.File?.ConnectionString
        ?? new NpgsqlConnectionStringBuilder(postgresServer) { Database = postgresName }.ConnectionString;

    public static async Task<BenchmarkDatabase> CreateAsync(DatabaseProvider provider, string? postgresServer)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("dashboard-bench-").FullName;
        BenchmarkDatabase database;
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(postgresServer))
            {
                throw new ArgumentException("PostgreSQL needs a server: --postgres \"Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres\" or DASHBOARD_TEST_POSTGRES.");
            }

            var name = $"dashboard_bench_{Guid.NewGuid():N}";
            await ExecuteOnServerAsync(postgresServer, $"CREATE DATABASE \"{name}\"");
            var connectionString = new NpgsqlConnectionStringBuilder(postgresServer) { Database = name }.ConnectionString;
            database = new BenchmarkDatabase(DashboardDatabase.Postgres(connectionString), directory, postgresServer, name);
        }
        else
        {
            database = new BenchmarkDatabase(DashboardDatabase.Sqlite(new DatabaseFile(Path.Combine(directory, "dashboard.db"))), directory, null, null);
        }

        await DatabaseMigration.MigrateAsync(database.Database.ContextFactory(), database.Database.File, NullLogger.Instance);
        return database;
    }

    /// <summary>A plain ADO.NET connection, for the raw-SQL reference measurements.</summary>
    public DbConnection OpenConnection()
    {
        DbConnection connection = Database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A date parameter for the raw SQL, in the form the app stores dates in (SQLite: text, yyyy-MM-dd).</summary>
    public DbParameter DateParameter(DbCommand command, string name, DateOnly date)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = Database.Provider == DatabaseProvider.Postgres ? date : date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return parameter;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (postgresName is not null)
        {
            await ExecuteOnServerAsync(postgresServer!, $"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)");
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // The app process may hold the SQLite file for a moment after it is killed; the OS cleans the temp folder.
        }
    }

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
