using System.Globalization;
using Dashboard.Data;
using Microsoft.Data.Sqlite;

namespace Dashboard.Operations;

/// <summary>A backup that passed its integrity check, in the backup folder.</summary>
public sealed record BackupFile(string Path, DateTimeOffset TakenAt, long Bytes)
{
    public string Name => System.IO.Path.GetFileName(Path);
}

/// <summary>
/// Online backups of the SQLite database through SQLite's backup API: one read transaction copies every page, so
/// the copy is the database as it stood at one moment while saves carry on (a file copy of a live write-ahead-log
/// database could mix two moments). Each copy is written under a temporary name, checked, and only then given its
/// final name, so every file named dashboard-*.db in the folder is a checked backup.
/// </summary>
public sealed class DatabaseBackups(DatabaseFile database, string folder, int keep, TimeProvider time, ILogger<DatabaseBackups> logger)
{
    public const string JobId = "back-up-database";
    private const string Prefix = "dashboard-";
    private const string Stamp = "yyyyMMdd-HHmmss-fff";

    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public string Folder { get; } = folder;

    public int Keep { get; } = keep;

    /// <summary>The kept backups, newest first.</summary>
    public IReadOnlyList<BackupFile> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(Folder, $"{Prefix}*.db")
            .Select(path => TakenAtOf(path) is { } takenAt ? new BackupFile(path, takenAt, new FileInfo(path).Length) : null)
            .OfType<BackupFile>()
            .OrderByDescending(b => b.TakenAt)];
    }

    /// <summary>The scheduled run (Hangfire); a failure fails the job, so Hangfire retries it and shows it.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => TakeAsync(cancellationToken);

    public async Task<BackupFile> TakeAsync(CancellationToken cancellationToken = default)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Folder);
            var takenAt = time.GetUtcNow();
            var final = Path.Combine(Folder, $"{Prefix}{takenAt.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)}.db");
            var partial = final + ".partial";
            try
            {
                await Task.Run(() => Copy(partial), cancellationToken);
                await SqliteFileCheck.CheckAsync(partial, cancellationToken);
                File.Move(partial, final);
            }
            catch
            {
                File.Delete(partial);
                DashboardMetrics.BackupTaken(succeeded: false);
                throw;
            }

            DashboardMetrics.BackupTaken(succeeded: true);
            var backup = new BackupFile(final, TakenAtOf(final)!.Value, new FileInfo(final).Length);
            logger.LogInformation("Backed up the database to {Path} ({Bytes} bytes, integrity checked)", final, backup.Bytes);
            Prune();
            return backup;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private static DateTimeOffset? TakenAtOf(string path) =>
        DateTime.TryParseExact(Path.GetFileNameWithoutExtension(path)[Prefix.Length..], Stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var takenAt)
            ? new DateTimeOffset(takenAt)
            : null;

    private void Copy(string partial)
    {
        using (var source = new SqliteConnection(database.ConnectionString))
        using (var target = new SqliteConnection(SqliteFileCheck.Unpooled(partial, SqliteOpenMode.ReadWriteCreate)))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);

            // The pages carry the live database's write-ahead-log mode; a backup is one self-contained file.
            using var command = target.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            command.ExecuteNonQuery();
        }
    }

    private void Prune()
    {
        foreach (var old in List().Skip(Keep))
        {
            File.Delete(old.Path);
            logger.LogInformation("Deleted the backup {Path}: only the newest {Keep} are kept", old.Path, Keep);
        }
    }
}
