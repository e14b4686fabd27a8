using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Data;

/// <summary>One table after a copy: its rows and checksum on each side.</summary>
public sealed record TableCopy(string Table, int SourceRows, int TargetRows, string SourceChecksum, string TargetChecksum)
{
    public bool Matches => SourceRows == TargetRows && SourceChecksum == TargetChecksum;
}

/// <summary>
/// `dotnet run --project Dashboard -- copy-to-postgres data/dashboard.db "Host=...;Database=...;Username=...;Password=..."`
/// moves an existing SQLite database to PostgreSQL: every row of every table, keys kept, in one transaction,
/// then verified table by table by row count and a checksum of the values. The target must be empty.
/// </summary>
public static class DatabaseCopy
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args is not ["copy-to-postgres", var sqlitePath, var connectionString])
        {
            return false;
        }

        try
        {
            var source = DashboardDatabase.Sqlite(new DatabaseFile(Path.GetFullPath(sqlitePath)));
            if (!File.Exists(source.File!.FullPath))
            {
                throw new DatabaseCopyException($"There is no SQLite database at {source.File.FullPath}.");
            }

            var tables = await CopyAsync(source, DashboardDatabase.Postgres(DataExtensions.CheckedConnectionString(connectionString)));
            foreach (var table in tables)
            {
                Console.WriteLine($"{table.Table,-28} {table.TargetRows,8} rows  checksum {table.TargetChecksum[..16]}  {(table.Matches ? "same" : "DIFFERENT")}");
            }

            Console.WriteLine($"Copied {tables.Sum(t => t.TargetRows):N0} rows in {tables.Count} tables; every count and checksum matches.");
            Environment.ExitCode = 0;
        }
        catch (Exception e) when (e is DatabaseCopyException or Hosting.StartupException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync($"Copy refused, nothing was written: {e.Message}");
            Environment.ExitCode = 1;
        }

        return true;
    }

    public static async Task<IReadOnlyList<TableCopy>> CopyAsync(DashboardDatabase source, DashboardDatabase target, CancellationToken cancellationToken = default)
    {
        await DatabaseMigration.MigrateAsync(source.ContextFactory(), source.File, NullLogger.Instance, cancellationToken);
        await DatabaseMigration.MigrateAsync(target.ContextFactory(), target.File, NullLogger.Instance, cancellationToken);

        await using (var from = source.CreateCopyingContext())
        await using (var to = target.CreateCopyingContext())
        {
            var entityTypes = CopiedEntityTypes(to.Model);
            foreach (var entityType in entityTypes)
            {
                if (await RowsOf(to, entityType).AnyAsync(cancellationToken))
                {
                    throw new DatabaseCopyException($"The target database already holds data (table {entityType.GetTableName()}); copy into an empty database.");
                }
            }

            foreach (var entityType in entityTypes)
            {
                await RowsOf(from, entityType).LoadAsync(cancellationToken);
            }

            foreach (var row in from.ChangeTracker.Entries().ToList())
            {
                var copy = to.Add(CloneWithKey(row));
                foreach (var property in row.Metadata.GetProperties().Where(p => !p.IsPrimaryKey()))
                {
                    // PostgreSQL keeps instants in UTC and refuses other offsets; the instant is unchanged.
                    var value = row.Property(property.Name).CurrentValue;
                    copy.Property(property.Name).CurrentValue = value is DateTimeOffset instant ? instant.ToUniversalTime() : value;
                }
            }

            // One transaction: a copy that fails part-way leaves the target as empty as it was.
            await using var transaction = await to.Database.BeginTransactionAsync(cancellationToken);
            await to.SaveChangesAsync(cancellationToken);
            await RestartIdentitySequencesAsync(to, entityTypes, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await VerifyAsync(source, target, cancellationToken);
    }

    /// <summary>Compares every table of two databases by row count and a checksum of all values in key order.</summary>
    public static async Task<IReadOnlyList<TableCopy>> VerifyAsync(DashboardDatabase source, DashboardDatabase target, CancellationToken cancellationToken = default)
    {
        await using var from = source.CreateCopyingContext();
        await using var to = target.CreateCopyingContext();
        var tables = new List<TableCopy>();
        foreach (var entityType in CopiedEntityTypes(from.Model))
        {
            var (sourceRows, sourceChecksum) = await ChecksumAsync(from, entityType, cancellationToken);
            var (targetRows, targetChecksum) = await ChecksumAsync(to, entityType, cancellationToken);
            tables.Add(new TableCopy(entityType.GetTableName()!, sourceRows, targetRows, sourceChecksum, targetChecksum));
        }

        var different = tables.Where(t => !t.Matches).Select(t => t.Table).ToList();
        return different.Count == 0
            ? tables
            : throw new DatabaseCopyException($"The copy differs from the source in {string.Join(", ", different)}.");
    }

    private static List<IEntityType> CopiedEntityTypes(IModel model) =>
        [.. model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null).OrderBy(e => e.GetTableName(), StringComparer.Ordinal)];

    private static IQueryable<object> RowsOf(DbContext db, IEntityType entityType) =>
        (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
            .MakeGenericMethod(entityType.ClrType).Invoke(db, null)!;

    // Keys are set before the row is tracked: EF does not let a tracked row's key change.
    private static object CloneWithKey(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry row)
    {
        var clone = Activator.CreateInstance(row.Metadata.ClrType)!;
        foreach (var key in row.Metadata.FindPrimaryKey()!.Properties)
        {
            key.PropertyInfo!.SetValue(clone, row.Property(key.Name).CurrentValue);
        }

        return clone;
    }

    private static async Task RestartIdentitySequencesAsync(DbContext db, IEnumerable<IEntityType> entityTypes, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        foreach (var entityType in entityTypes)
        {
            if (entityType.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && (key.ClrType == typeof(int) || key.ClrType == typeof(long)))
            {
                var table = entityType.GetTableName()!;
                var column = key.GetColumnName();
#pragma warning disable EF1002 // Table and column names come from the model, not from input.
                await db.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE(MAX(\"{column}\"), 0) + 1, false) FROM \"{table}\"",
                    cancellationToken);
#pragma warning restore EF1002
            }
        }
    }

    private static async Task<(int Rows, string Checksum)> ChecksumAsync(DbContext db, IEntityType sameTypeInAnyModel, CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(sameTypeInAnyModel.Name)!;
        db.ChangeTracker.Clear();
        await RowsOf(db, entityType).LoadAsync(cancellationToken);
        var properties = entityType.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var rows = db.ChangeTracker.Entries()
            .Where(e => e.Metadata == entityType)
            .Select(e => string.Join("\u001f", properties.Select(p => Canonical(e.Property(p.Name).CurrentValue))))
            .Order(StringComparer.Ordinal)
            .ToList();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001e", rows)));
        db.ChangeTracker.Clear();
        return (rows.Count, Convert.ToHexString(hash));
    }

    // Each provider stores some types its own way (SQLite: decimals as REAL, offsets as ticks); compare meanings.
    private static string Canonical(object? value) => value switch
    {
        null => "∅",
        DateTimeOffset d => d.UtcTicks.ToString(CultureInfo.InvariantCulture),
        DateTime d => d.Ticks.ToString(CultureInfo.InvariantCulture),
        decimal d => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToHexString(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

public sealed class DatabaseCopyException(string message) : Exception(message);
