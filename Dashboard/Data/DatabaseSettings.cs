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
    public string ConnectionString => $"Data Source={FullPath};Foreign Keys=True";
}
