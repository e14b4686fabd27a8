using System.Globalization;
using Dashboard.Data;

namespace Dashboard.Import;

/// <summary>
/// The one import pipeline: file → rows by heading → checked rows (every problem numbered by row) →
/// preview of new, changed and unchanged rows → on confirmation, every change in one transaction.
/// A file with any problem imports nothing. Authorisation is the caller's: it knows whose data it is.
/// </summary>
public static class ImportPipeline
{
    /// <summary>Rows above the headings (a title, a blank line) that the heading search looks through.</summary>
    private const int HeadingSearchRows = 10;

    /// <summary>Reads the file against the stored data and says what importing it would do; changes nothing.</summary>
    public static async Task<ImportPreview> PreviewAsync<TRow>(DashboardDbContext db, IImportDefinition<TRow> definition, ImportFile file, CancellationToken cancellationToken)
        where TRow : class =>
        (await ReadAsync(db, definition, file, cancellationToken)).Preview;

    /// <summary>
    /// Reads the file again inside one transaction and, when it still does exactly what
    /// <paramref name="confirmed"/> showed, applies every change and commits; otherwise writes nothing.
    /// </summary>
    public static async Task<ImportOutcome> ApplyAsync<TRow>(DashboardDbContext db, IImportDefinition<TRow> definition, ImportFile file, ImportPreview confirmed, CancellationToken cancellationToken)
        where TRow : class
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (preview, target, rows) = await ReadAsync(db, definition, file, cancellationToken);
        if (!preview.IsValid)
        {
            return ImportOutcome.Refused("The file has problems, so nothing was imported.", preview);
        }

        if (!preview.SameOutcomeAs(confirmed))
        {
            return ImportOutcome.Refused($"The {definition.RowsAre} changed since the preview, so nothing was imported. Check the new preview and confirm again.", preview);
        }

        foreach (var (row, previewRow) in rows.Zip(preview.Rows))
        {
            if (previewRow.Change != RowChange.Unchanged)
            {
                target!.Apply(row);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(true, null, preview);
    }

    private static async Task<(ImportPreview Preview, IImportTarget<TRow>? Target, List<TRow> Rows)> ReadAsync<TRow>(
        DashboardDbContext db, IImportDefinition<TRow> definition, ImportFile file, CancellationToken cancellationToken)
        where TRow : class
    {
        if (file.Content.LongLength > ImportFile.MaxBytes)
        {
            return (ImportPreview.Failed(new ImportError(null, null, $"The file is larger than {ImportFile.MaxBytes / 1024 / 1024} MB; no {definition.RowsAre} file needs to be.")), null, []);
        }

        List<RawRow> raw;
        try
        {
            raw = TableReader.Read(file, stopAfter: definition.MaxRows + HeadingSearchRows + 1).Where(r => !r.IsBlank).ToList();
        }
        catch (UnreadableFileException e)
        {
            return (ImportPreview.Failed(new ImportError(null, null, e.Message)), null, []);
        }

        var errors = new List<ImportError>();
        var headings = FindHeadings(raw, definition, errors);
        if (headings is null)
        {
            return (new ImportPreview(errors, []), null, []);
        }

        var dataRows = raw.SkipWhile(r => r.Number <= headings.Value.Row).ToList();
        if (dataRows.Count > definition.MaxRows)
        {
            return (ImportPreview.Failed(new ImportError(null, null,
                $"The file has more than {definition.MaxRows.ToString("N0", CultureInfo.InvariantCulture)} rows; one import takes at most that many {definition.RowsAre}. Split it into smaller files.")), null, []);
        }

        if (dataRows.Count == 0)
        {
            return (ImportPreview.Failed(new ImportError(null, null, $"The file has headings but no {definition.RowsAre} below them.")), null, []);
        }

        var target = await definition.OpenAsync(db, cancellationToken);
        var read = new List<(int Row, TRow Value)>();
        foreach (var rawRow in dataRows)
        {
            var cells = headings.Value.Columns.Where(c => c.Index < rawRow.Cells.Count).ToDictionary(c => c.Heading, c => rawRow.Cells[c.Index]);
            foreach (var missing in headings.Value.Columns.Where(c => c.Index >= rawRow.Cells.Count))
            {
                cells[missing.Heading] = new RawCell("");
            }

            var row = new ImportRow(rawRow.Number, cells, errors);
            if (target.Read(row) is { } value && !row.HasErrors)
            {
                read.Add((rawRow.Number, value));
            }
        }

        foreach (var duplicate in read.GroupBy(r => target.KeyOf(r.Value), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var first = duplicate.First().Row;
            errors.AddRange(duplicate.Skip(1).Select(d => new ImportError(d.Row, definition.KeyColumn, $"{duplicate.Key} is also on row {first}; each {definition.KeyColumn} may appear once.")));
        }

        if (errors.Count == 0)
        {
            errors.AddRange(target.CheckTogether(read));
        }

        if (errors.Count > 0)
        {
            return (new ImportPreview(errors.OrderBy(e => e.Row).ToList(), []), target, []);
        }

        var preview = read.Select(r => target.Differences(r.Value) switch
        {
            null => new PreviewRow(r.Row, target.KeyOf(r.Value), RowChange.New, []),
            { Count: 0 } => new PreviewRow(r.Row, target.KeyOf(r.Value), RowChange.Unchanged, []),
            var differences => new PreviewRow(r.Row, target.KeyOf(r.Value), RowChange.Changed, differences),
        }).ToList();
        return (new ImportPreview([], preview), target, read.Select(r => r.Value).ToList());
    }

    private sealed record HeadingColumn(string Heading, int Index);

    /// <summary>
    /// The first row (within the first few) naming a required column is the headings row: an exported
    /// workbook has a title above it. Every heading in it must be one the import knows.
    /// </summary>
    private static (int Row, IReadOnlyList<HeadingColumn> Columns)? FindHeadings<TRow>(List<RawRow> rows, IImportDefinition<TRow> definition, List<ImportError> errors)
    {
        var expected = string.Join(", ", definition.Columns.Select(c => c.Heading));
        var required = definition.Columns.Where(c => c.Required).ToList();
        var headingRow = rows.Take(HeadingSearchRows).FirstOrDefault(r => r.Cells.Any(c => required.Any(q => Matches(c.Text, q.Heading))));
        if (headingRow is null)
        {
            errors.Add(new ImportError(null, null, $"The column headings were not found. The first row of the table should read: {expected}."));
            return null;
        }

        var columns = new List<HeadingColumn>();
        for (var index = 0; index < headingRow.Cells.Count; index++)
        {
            var text = headingRow.Cells[index].Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (definition.Columns.FirstOrDefault(c => Matches(text, c.Heading)) is not { } column)
            {
                errors.Add(new ImportError(headingRow.Number, null, $"“{text}” is not a column this import reads. The columns are: {expected}."));
            }
            else if (columns.Any(c => c.Heading == column.Heading))
            {
                errors.Add(new ImportError(headingRow.Number, null, $"The column {column.Heading} appears twice."));
            }
            else
            {
                columns.Add(new HeadingColumn(column.Heading, index));
            }
        }

        foreach (var missing in required.Where(r => columns.All(c => c.Heading != r.Heading)))
        {
            errors.Add(new ImportError(headingRow.Number, null, $"The column {missing.Heading} is missing; it is needed. The columns are: {expected}."));
        }

        return errors.Count > 0 ? null : (headingRow.Number, columns);
    }

    private static bool Matches(string text, string heading) => string.Equals(text.Trim(), heading, StringComparison.OrdinalIgnoreCase);
}
