using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace Dashboard.Import;

/// <summary>A cell's text as read from a file; formulas are flagged, never evaluated or trusted.</summary>
internal readonly record struct RawCell(string Text, bool IsFormula = false)
{
    public bool IsBlank => !IsFormula && string.IsNullOrWhiteSpace(Text);
}

/// <summary>A row as the spreadsheet program numbers it (1 is the first row of the file).</summary>
internal sealed record RawRow(int Number, IReadOnlyList<RawCell> Cells)
{
    public bool IsBlank => Cells.All(c => c.IsBlank);
}

/// <summary>The file could not be read at all; the message says what to do.</summary>
internal sealed class UnreadableFileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads the first worksheet of an .xlsx file, or a .csv file, into rows of cell texts.</summary>
internal static class TableReader
{
    /// <summary>The rows in file order, blank rows included (they still count towards row numbers).</summary>
    /// <param name="stopAfter">Stop reading after this many rows; a huge file is refused without being read whole.</param>
    /// <exception cref="UnreadableFileException">Not an .xlsx or .csv file, or a damaged one.</exception>
    public static IEnumerable<RawRow> Read(ImportFile file, int stopAfter) =>
        Path.GetExtension(file.Name).ToLowerInvariant() switch
        {
            ".xlsx" => ReadWorkbook(file.Content, stopAfter),
            ".csv" => ReadCsv(file.Content, stopAfter),
            _ => throw new UnreadableFileException($"“{file.Name}” is not a file this import reads. Choose an Excel workbook (.xlsx) or a CSV file (.csv)."),
        };

    private static List<RawRow> ReadWorkbook(byte[] content, int stopAfter)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(content));
        }
        catch (Exception e)
        {
            // ClosedXML reports a damaged or non-Excel file through many exception types; each means the same to the person.
            throw new UnreadableFileException("The file could not be opened as an Excel workbook. Save it from Excel as “Excel Workbook (.xlsx)” and try again.", e);
        }

        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault()
                ?? throw new UnreadableFileException("The workbook has no worksheets.");
            var rows = new List<RawRow>();
            foreach (var row in sheet.RowsUsed())
            {
                if (rows.Count >= stopAfter)
                {
                    break;
                }

                var last = row.LastCellUsed()?.Address.ColumnNumber ?? 0;
                rows.Add(new RawRow(row.RowNumber(), Enumerable.Range(1, last).Select(c => CellText(row.Cell(c))).ToList()));
            }

            return rows;
        }
    }

    private static RawCell CellText(IXLCell cell)
    {
        if (cell.HasFormula)
        {
            return new RawCell(cell.FormulaA1, IsFormula: true);
        }

        return cell.DataType switch
        {
            XLDataType.Number => new RawCell(cell.GetDouble().ToString(CultureInfo.InvariantCulture)),
            XLDataType.DateTime => new RawCell(cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            XLDataType.Boolean => new RawCell(cell.GetBoolean() ? "TRUE" : "FALSE"),
            _ => new RawCell(cell.GetString()),
        };
    }

    private static List<RawRow> ReadCsv(byte[] content, int stopAfter)
    {
        // Blank lines are kept as records so that record numbers are the row numbers a spreadsheet shows.
        var options = new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false, MalformedData = CsvMalformedDataHandling.Throw };
        var rows = new List<RawRow>();
        try
        {
            using var reader = CsvReader.Create(content, options);
            while (rows.Count < stopAfter && reader.Read())
            {
                rows.Add(new RawRow((int)reader.RowNumber, Enumerable.Range(0, reader.FieldCount).Select(i => new RawCell(reader.GetString(i))).ToList()));
            }
        }
        catch (CsvFormatException e)
        {
            throw new UnreadableFileException($"The CSV file could not be read at row {e.RecordNumber}: check its quotation marks, or save it again from Excel as “CSV UTF-8”.", e);
        }

        return rows;
    }
}
