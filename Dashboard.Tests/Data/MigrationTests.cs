using System.Security.Cryptography;
using Dashboard.Data;
using Dashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_create_the_schema_in_an_empty_file_and_match_the_model()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var db = await database.OpenAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration covers: run `dotnet run --project Dashboard -- add-migration <Name>`.");
        Assert.Equal(0, await db.Councils.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_database_runs_in_write_ahead_log_mode()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var connection = new SqliteConnection(database.File.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_failed_migration_leaves_the_file_exactly_as_it_was()
    {
        var path = TestDatabase.NewTemporaryPath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new DatabaseFile(path);

        // A table the first migration also creates makes it fail part-way through.
        await using (var connection = new SqliteConnection(file.ConnectionString + ";Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE Councils (Id INTEGER PRIMARY KEY, Note TEXT); INSERT INTO Councils VALUES (1, 'kept');";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var before = SHA256.HashData(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        var factory = TestDatabase.FactoryFor(file);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseMigration.MigrateAsync(factory, file, NullLogger.Instance, TestContext.Current.CancellationToken));

        Assert.Contains("left as it was", error.Message, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)));
        Assert.False(File.Exists(path + ".pre-migration"));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
