namespace Dashboard.Data;

/// <summary>The "Database" settings.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The SQLite file; a relative path is taken from the directory the app is started in.</summary>
    public string Path { get; set; } = "data/dashboard.db";
}

/// <summary>The database file resolved and checked at start-up.</summary>
public sealed record DatabaseFile(string FullPath)
{
    public string ConnectionString => $"Data Source={FullPath};Foreign Keys=True";
}
