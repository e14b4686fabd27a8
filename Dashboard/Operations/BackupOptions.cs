namespace Dashboard.Operations;

/// <summary>The "Backups" settings (SQLite only; a PostgreSQL database is backed up with pg_dump, see README).</summary>
public sealed class BackupOptions
{
    /// <summary>Where backups are written; a relative path is taken from the directory the app is started in.</summary>
    public string Folder { get; set; } = "data/backups";

    /// <summary>How many backups to keep; older ones are deleted once a new one has passed its integrity check.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>Take a backup at start-up before applying database migrations (an upgrade).</summary>
    public bool BeforeUpgrade { get; set; } = true;
}
