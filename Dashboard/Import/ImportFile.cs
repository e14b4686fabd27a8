namespace Dashboard.Import;

/// <summary>A file someone chose to import: its name (whose extension says the format) and its bytes.</summary>
public sealed record ImportFile(string Name, byte[] Content)
{
    /// <summary>Larger files are refused before they are read; a register or a year of PI values is far smaller.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    public static IReadOnlyList<string> Extensions { get; } = [".xlsx", ".csv"];
}

/// <summary>A column an import reads, by the heading the export writes.</summary>
/// <param name="Heading">The heading, matched ignoring case and surrounding spaces.</param>
/// <param name="Required">A file without this column is refused.</param>
public sealed record ImportColumn(string Heading, bool Required = false);

/// <summary>One problem with a file, as the person importing reads it: "Row 7, L: …".</summary>
/// <param name="Row">The row number as the spreadsheet program shows it; null for the file as a whole.</param>
/// <param name="Column">The column's heading, when the problem is in one cell.</param>
public sealed record ImportError(int? Row, string? Column, string Message)
{
    public override string ToString() => (Row, Column) switch
    {
        (null, null) => Message,
        (null, { } column) => $"Column {column}: {Message}",
        ({ } row, null) => $"Row {row}: {Message}",
        ({ } row, { } column) => $"Row {row}, {column}: {Message}",
    };
}
