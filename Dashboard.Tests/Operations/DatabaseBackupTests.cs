using System.Diagnostics;
using System.Security.Cryptography;
using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Dashboard.Operations;
using Dashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Operations;

/// <summary>
/// Backups of a live SQLite database and the restore command an operator runs: a backup taken while people save is
/// whole and holds everything saved before it; only the newest N are kept; restore swaps a backup in keeping the
/// replaced database, and refuses a damaged file without touching anything.
/// </summary>
public sealed class DatabaseBackupTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase database = null!;
    private string folder = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateSeededAsync();
        folder = Path.Combine(database.Directory, "backups");

        // As the app runs it: write-ahead log on, so readers (the backup) and writers work at once.
        await using var db = await database.OpenAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", Ct);
    }

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    private DatabaseBackups Backups(TimeProvider? time = null, int keep = 14) =>
        new(database.File, folder, keep, time ?? TimeProvider.System, NullLogger<DatabaseBackups>.Instance);

    [Fact]
    public async Task A_backup_taken_while_people_save_passes_the_integrity_check_and_holds_every_save_made_before_it()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var committed = 0;
        var writer = Task.Run(async () =>
        {
            for (var n = 1; !stop.IsCancellationRequested; n++)
            {
                await using var db = await database.OpenAsync();
                db.People.Add(new Person { Name = $"Writer {n:D6}", JobTitle = "Load" });
                await db.SaveChangesAsync(CancellationToken.None);
                Volatile.Write(ref committed, n);
            }
        }, CancellationToken.None);
        while (Volatile.Read(ref committed) < 50)
        {
            await Task.Delay(10, Ct);
        }

        var committedBefore = Volatile.Read(ref committed);
        var backup = await Backups().TakeAsync(Ct);
        await Task.Delay(100, Ct);
        await stop.CancelAsync();
        await writer;
        var committedAfter = Volatile.Read(ref committed);

        await SqliteFileCheck.CheckAsync(backup.Path, Ct);
        var inBackup = await WritersInAsync(backup.Path);
        Assert.True(inBackup.Count >= committedBefore, $"The backup holds {inBackup.Count} saves; {committedBefore} were committed before it started.");
        Assert.True(committedAfter > inBackup.Count, "Saves carried on during and after the backup.");

        // One moment: the saves it holds are the first ones, with none missing between them.
        Assert.Equal(Enumerable.Range(1, inBackup.Count).Select(n => $"Writer {n:D6}"), inBackup);
    }

    [Fact]
    public async Task Only_the_newest_backups_are_kept()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 1, 30, 0, TimeSpan.Zero));
        var backups = Backups(time, keep: 2);

        var taken = new List<BackupFile>();
        for (var night = 0; night < 3; night++)
        {
            taken.Add(await backups.TakeAsync(Ct));
            time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal([taken[2].Path, taken[1].Path], backups.List().Select(b => b.Path));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 1, 30, 0, TimeSpan.Zero), backups.List()[0].TakenAt);
        Assert.Equal(["dashboard-20261204-013000-000.db", "dashboard-20261205-013000-000.db"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Restore_swaps_the_backup_in_and_keeps_the_database_it_replaced()
    {
        var backup = await Backups().TakeAsync(Ct);
        await using (var db = await database.OpenAsync())
        {
            db.People.Add(new Person { Name = "Added after the backup" });
            await db.SaveChangesAsync(Ct);
        }

        SqliteConnection.ClearAllPools();
        var (exitCode, output) = await RunRestoreAsync(backup.Path);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Restored", output, StringComparison.Ordinal);
        await SqliteFileCheck.CheckAsync(database.File.FullPath, Ct);
        Assert.DoesNotContain("Added after the backup", await NamesInAsync(database.File.FullPath));
        var replaced = Assert.Single(Directory.GetFiles(database.Directory, "dashboard.db.replaced-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal));
        Assert.Contains("Added after the backup", await NamesInAsync(replaced));
    }

    [Theory]
    [InlineData("not a database")]
    [InlineData("a backup cut short")]
    public async Task Restore_refuses_a_damaged_file_and_changes_nothing(string damage)
    {
        var backup = await Backups().TakeAsync(Ct);
        var damaged = Path.Combine(folder, "damaged.db");
        var bytes = await File.ReadAllBytesAsync(backup.Path, Ct);
        await File.WriteAllBytesAsync(damaged, damage == "not a database" ? "SQLite format 3\0 but not really"u8.ToArray() : bytes[..(bytes.Length / 2)], Ct);
        SqliteConnection.ClearAllPools();
        var before = Snapshot(database.Directory);

        var (exitCode, output) = await RunRestoreAsync(damaged);

        Assert.Equal(1, exitCode);
        Assert.Contains("Restore refused, nothing was changed", output, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(database.Directory));
    }

    [Fact]
    public async Task An_upgrade_backs_the_database_up_before_migrating_it()
    {
        var older = TestDatabase.NewTemporaryPath();
        Directory.CreateDirectory(Path.GetDirectoryName(older)!);
        string[] all;
        await using (var db = DashboardDatabase.Sqlite(new DatabaseFile(older)).CreateContext())
        {
            all = [.. db.Database.GetMigrations()];
            await db.GetService<IMigrator>().MigrateAsync(all[^2], Ct);
        }

        SqliteConnection.ClearAllPools();
        var backupsFolder = Path.Combine(Path.GetDirectoryName(older)!, "backups");

        // Without the demo: seeding it (hashing its passwords) would only slow the start on a busy machine.
        await using (var app = await AppProcess.StartAsync(database, new Dictionary<string, string> { ["Database__Path"] = older, ["Backups__Folder"] = backupsFolder, ["Demo__Enabled"] = "false" }, Ct))
        {
            var backup = Assert.Single(Directory.GetFiles(backupsFolder, "dashboard-*.db"));
            Assert.Equal(all[..^1], await SqliteFileCheck.CheckAsync(backup, Ct));
            Assert.Equal(all, await SqliteFileCheck.CheckAsync(older, Ct));
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(older)!, recursive: true);
    }

    private async Task<(int ExitCode, string Output)> RunRestoreAsync(string backup)
    {
        var start = AppProcess.StartInfo(database.Directory, ["restore", backup]);
        start.Environment["Database__Path"] = database.File.FullPath;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output + await error);
    }

    private static async Task<List<string>> WritersInAsync(string path) =>
        [.. (await NamesInAsync(path)).Where(n => n.StartsWith("Writer ", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> NamesInAsync(string path)
    {
        await using var db = DashboardDatabase.Sqlite(new DatabaseFile(path)).CreateContext();
        var names = await db.People.Select(p => p.Name).ToListAsync(Ct);
        SqliteConnection.ClearAllPools();
        return names;
    }

    /// <summary>Every file in the folder (database, log, backups) by name and content.</summary>
    private static List<string> Snapshot(string directory) =>
        [.. Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(directory, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}")];
}
