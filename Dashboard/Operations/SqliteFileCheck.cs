using Dashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Operations;

/// <summary>Checks that a file is a whole, uncorrupted dashboard database this version of the app can open.</summary>
public static class SqliteFileCheck
{
    /// <summary>Throws <see cref="DatabaseFileException"/> saying what is wrong; returns the migrations the file has.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new DatabaseFileException($"There is no file at {path}.");
        }

        try
        {
            // Unpooled: a pooled handle would keep the file open after the check (and would hide a file that has gone).
            await using var connection = new SqliteConnection(Unpooled(path, SqliteOpenMode.ReadOnly));
            await connection.OpenAsync(cancellationToken);
            var problems = await ReadAllAsync(connection, "PRAGMA integrity_check;", cancellationToken);
            if (problems is not ["ok"])
            {
                throw new DatabaseFileException($"{path} fails SQLite's integrity check: {string.Join("; ", problems.Take(3))}");
            }

            var hasHistory = await ReadAllAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';", cancellationToken);
            if (hasHistory.Count == 0)
            {
                throw new DatabaseFileException($"{path} is a SQLite database but not a dashboard database (it has no migration history).");
            }

            var applied = await ReadAllAsync(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;", cancellationToken);
            await using var db = new DashboardDbContext(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(connection).Options);
            var unknown = applied.Except(db.Database.GetMigrations(), StringComparer.Ordinal).ToList();
            return unknown.Count == 0
                ? applied
                : throw new DatabaseFileException($"{path} comes from a newer version of the dashboard (migration {unknown[0]} is unknown to this one); upgrade the app first.");
        }
        catch (SqliteException e)
        {
            throw new DatabaseFileException($"{path} cannot be read as a SQLite database: {e.Message}", e);
        }
    }

    public static string Unpooled(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    private static async Task<List<string>> ReadAllAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}

public sealed class DatabaseFileException(string message, Exception? inner = null) : Exception(message, inner);
