using Dashboard.Data;

namespace Dashboard.Import;

/// <summary>
/// What one kind of import reads (risks into a register, PI values, …). The pipeline does the rest:
/// reading the file, finding the headings, numbering the errors, the preview and the single transaction.
/// </summary>
/// <typeparam name="TRow">A row read from the file and checked, ready to compare and apply.</typeparam>
public interface IImportDefinition<TRow>
{
    /// <summary>The columns, in the order the export writes them.</summary>
    IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>The heading of the column that identifies a row (the register's Ref, the PI's code, …).</summary>
    string KeyColumn { get; }

    /// <summary>What the rows are, for messages: "risks".</summary>
    string RowsAre { get; }

    /// <summary>The most data rows one file may hold.</summary>
    int MaxRows { get; }

    /// <summary>Loads what the rows are compared with, tracked by <paramref name="db"/> so that applying stages changes on it.</summary>
    Task<IImportTarget<TRow>> OpenAsync(DashboardDbContext db, CancellationToken cancellationToken);
}

/// <summary>The stored data one import is matched against, loaded once per preview or apply.</summary>
public interface IImportTarget<TRow>
{
    /// <summary>The row as a checked value, or null when its problems were recorded on <paramref name="row"/>.</summary>
    TRow? Read(ImportRow row);

    /// <summary>Two rows with the same key in one file are a mistake.</summary>
    string KeyOf(TRow row);

    /// <summary>
    /// Problems only the file as a whole shows — a row naming a person added further down, a loop of directors —
    /// found once every row has been read without problems. Most imports have none.
    /// </summary>
    IEnumerable<ImportError> CheckTogether(IReadOnlyList<(int Row, TRow Value)> rows) => [];

    /// <summary>Null for a row that is new; otherwise what applying it would change (empty when nothing would).</summary>
    IReadOnlyList<string>? Differences(TRow row);

    /// <summary>Stages the row's change (new or changed) on the context; the pipeline saves them all at once.</summary>
    void Apply(TRow row);
}
