using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>
/// Applies the committed migrations at start-up. SQLite cannot run every schema change inside one
/// transaction, so the file is backed up first and put back if any migration fails: a failed
/// upgrade leaves the database exactly as it was. PostgreSQL runs them in a transaction under EF's
/// migration lock, so two servers starting together do not both migrate.
/// </summary>
public static class DatabaseMigration
{
    /// <param name="file">The SQLite file; null on PostgreSQL.</param>
    public static async Task MigrateAsync(IDbContextFactory<DashboardDbContext> factory, DatabaseFile? file, ILogger logger, CancellationToken cancellationToken = default)
    {
        if (file is null)
        {
            await MigrateServerAsync(factory, logger, cancellationToken);
            return;
        }

        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                await UseWriteAheadLogAsync(db, cancellationToken);
                return;
            }

            var existed = File.Exists(file.FullPath);
            var backup = file.FullPath + ".pre-migration";
            if (existed)
            {
                BackUp(file, backup);
            }

            try
            {
                logger.LogInformation("Applying {Count} database migration(s) to {Path}: {Migrations}", pending.Count, file.FullPath, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
            catch (Exception e)
            {
                await db.Database.CloseConnectionAsync();
                SqliteConnection.ClearAllPools();
                Restore(file, existed ? backup : null);
                throw new InvalidOperationException($"Database migration failed and {file.FullPath} was left as it was: {e.Message}", e);
            }
            finally
            {
                File.Delete(backup);
                File.Delete(backup + "-wal");
            }

            await UseWriteAheadLogAsync(db, cancellationToken);
        }
    }

    private static async Task MigrateServerAsync(IDbContextFactory<DashboardDbContext> factory, ILogger logger, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        catch (Npgsql.NpgsqlException e)
        {
            throw new Hosting.StartupException($"Setting Database:ConnectionString does not reach a usable PostgreSQL database: {e.Message}", e);
        }
    }

    // WAL lets board members read dashboards while a manager's save is being written.
    private static Task UseWriteAheadLogAsync(DashboardDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    // A byte copy (the file and any write-ahead log) so that a restore is exact; nothing else has the file open at start-up.
    private static void BackUp(DatabaseFile file, string backup)
    {
        SqliteConnection.ClearAllPools();
        File.Copy(file.FullPath, backup, overwrite: true);
        if (File.Exists(file.FullPath + "-wal"))
        {
            File.Copy(file.FullPath + "-wal", backup + "-wal", overwrite: true);
        }
    }

    private static void Restore(DatabaseFile file, string? backup)
    {
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(file.FullPath + suffix);
        }

        if (backup is null)
        {
            File.Delete(file.FullPath);
            return;
        }

        File.Copy(backup, file.FullPath, overwrite: true);
        if (File.Exists(backup + "-wal"))
        {
            File.Copy(backup + "-wal", file.FullPath + "-wal", overwrite: true);
        }
    }
}
