using Dashboard.Data;
using Dashboard.Hosting;
using Microsoft.Data.Sqlite;

namespace Dashboard.Operations;

/// <summary>
/// `dotnet Dashboard.dll restore backups/dashboard-20261203-013000-000.db`, run while the app is stopped: checks the
/// backup, then swaps it in for the configured database (Database:Path) with one rename in the database's folder,
/// keeping the database it replaces beside it. A file that fails the check changes nothing.
/// </summary>
public static class DatabaseRestore
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args is not ["restore", var backupPath, .. var settings])
        {
            return false;
        }

        try
        {
            var options = DashboardConfiguration.CreateBuilder([.. settings]).Configuration.Bind<DatabaseOptions>("Database");
            if (options.Provider != DatabaseProvider.Sqlite)
            {
                throw new DatabaseFileException("The database is PostgreSQL: restore it with pg_restore (see the README), not with this command.");
            }

            // Checked before the database's folder is looked at (which may create it): a refused file changes nothing.
            await SqliteFileCheck.CheckAsync(Path.GetFullPath(backupPath));
            var (target, replaced) = await RestoreAsync(Path.GetFullPath(backupPath), DataExtensions.ResolveWritable(options.Path), DateTimeOffset.UtcNow);
            Console.WriteLine($"Restored {Path.GetFullPath(backupPath)} into {target}.");
            Console.WriteLine(replaced is null ? "There was no database there before." : $"The database it replaced is kept at {replaced}.");
            Console.WriteLine("Start the app: it applies any migrations newer than the backup.");
            Environment.ExitCode = 0;
        }
        catch (Exception e) when (e is DatabaseFileException or StartupException or IOException or UnauthorizedAccessException or SqliteException)
        {
            await Console.Error.WriteLineAsync($"Restore refused, nothing was changed: {e.Message}");
            Environment.ExitCode = 1;
        }

        return true;
    }

    /// <returns>The database restored into, and where the replaced database was kept (null when there was none).</returns>
    public static async Task<(string Target, string? Replaced)> RestoreAsync(string backupPath, DatabaseFile database, DateTimeOffset now)
    {
        await SqliteFileCheck.CheckAsync(backupPath);

        // Copied into the database's own folder first, so the swap is a rename within one file system.
        var target = database.FullPath;
        var incoming = target + ".restoring";
        File.Copy(backupPath, incoming, overwrite: true);
        try
        {
            await SqliteFileCheck.CheckAsync(incoming);
            string? replaced = null;
            if (File.Exists(target))
            {
                replaced = $"{target}.replaced-{now.UtcDateTime:yyyyMMdd-HHmmss}";
                CopyWithLog(target, replaced);
            }

            File.Move(incoming, target, overwrite: true);

            // The replaced database's log (kept with its copy): left beside the restored file, SQLite would read it into it.
            File.Delete(target + "-wal");
            File.Delete(target + "-shm");
            return (target, replaced);
        }
        finally
        {
            File.Delete(incoming);
        }
    }

    private static void CopyWithLog(string database, string copy)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal" })
        {
            if (File.Exists(database + suffix))
            {
                File.Copy(database + suffix, copy + suffix);
            }
        }
    }
}
