using Microsoft.Data.Sqlite;

namespace Dashboard.Data;

/// <summary>Where the data lives: an embedded SQLite file (one server) or PostgreSQL (several servers).</summary>
public enum DatabaseProvider
{
    Sqlite = 1,
    Postgres = 2,
}

/// <summary>The "Database" settings.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file; a relative path is taken from the directory the app is started in.</summary>
    public string Path { get; set; } = "data/dashboard.db";

    /// <summary>The PostgreSQL connection string (Provider = Postgres only), best given as an environment variable.</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>The database file resolved and checked at start-up.</summary>
public sealed record DatabaseFile(string FullPath)
{
    // Built, not interpolated: a path may hold ';' or '=' (a folder called "Finance; Audit"), which must stay part of the path.
    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FullPath, ForeignKeys = true }.ToString();
}
