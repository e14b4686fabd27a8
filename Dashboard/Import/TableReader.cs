using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
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
    /// <summary>
    /// What an .xlsx may unpack to. A register or a year of figures is a few thousand cells and a megabyte or two
    /// of XML; a small file that unpacks to millions of cells would take gigabytes once loaded, so it is measured
    /// (streaming, never trusting the sizes the archive declares) and refused before the workbook is opened.
    /// </summary>
    internal const long MaxUnpackedBytes = 30L * 1024 * 1024;

    internal const int MaxCells = 60_000;

    private const int MaxArchiveEntries = 500;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
        MeasureWorkbook(content);
        try
        {
            using var workbook = new XLWorkbook(new MemoryStream(content));
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
        catch (Exception e) when (e is not UnreadableFileException)
        {
            // ClosedXML reports a damaged or non-Excel file through many exception types, while opening or while
            // reading cells; each means the same to the person, and the preview must say so rather than fail.
            throw new UnreadableFileException("The file could not be read as an Excel workbook. Save it from Excel as “Excel Workbook (.xlsx)” and try again.", e);
        }
    }

    /// <exception cref="UnreadableFileException">Not a zip archive, or it unpacks to more than an import can take.</exception>
    private static void MeasureWorkbook(byte[] content)
    {
        var tooBig = new UnreadableFileException(
            $"The workbook is too big to import: it unpacks to more than {MaxCells:N0} cells or {MaxUnpackedBytes / 1024 / 1024} MB. Copy just the table onto a new sheet, save it and try again.");
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxArchiveEntries)
            {
                throw tooBig;
            }

            var budget = new UnpackBudget(MaxUnpackedBytes);
            var cells = 0;
            foreach (var entry in archive.Entries)
            {
                using var unpacked = new BudgetedStream(entry.Open(), budget);
                if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    cells += CountCells(unpacked, MaxCells - cells);
                }
                else
                {
                    unpacked.CopyTo(Stream.Null);
                }
            }
        }
        catch (UnpackBudgetExceededException)
        {
            throw tooBig;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            throw new UnreadableFileException("The file could not be opened as an Excel workbook. Save it from Excel as “Excel Workbook (.xlsx)” and try again.", e);
        }

        int CountCells(Stream sheet, int allowed)
        {
            using var xml = XmlReader.Create(sheet, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var count = 0;
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "c" && ++count > allowed)
                {
                    throw tooBig;
                }
            }

            return count;
        }
    }

    private sealed class UnpackBudget(long bytes)
    {
        public void Spend(int count)
        {
            bytes -= count;
            if (bytes < 0)
            {
                throw new UnpackBudgetExceededException();
            }
        }
    }

    private sealed class UnpackBudgetExceededException : Exception;

    /// <summary>Counts what really comes out of an archive entry against the whole file's budget.</summary>
    private sealed class BudgetedStream(Stream inner, UnpackBudget budget) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Spend(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
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
        RequireUtf8(content);

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

    /// <summary>
    /// Excel's plain "CSV" is saved in the computer's Windows code page, where £ and curly quotes are bytes that are
    /// not UTF-8; read as UTF-8 they would silently become “�”. Such a file is refused, naming the first row.
    /// </summary>
    private static void RequireUtf8(byte[] content)
    {
        try
        {
            StrictUtf8.GetCharCount(content);
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Clamp(e.Index, 0, content.Length);
            var row = 1 + content.AsSpan(0, offset).Count((byte)'\n');
            throw new UnreadableFileException(
                $"The CSV file is not saved as UTF-8: row {row} has a character (such as £ or a curly quotation mark) in another encoding. In Excel choose File › Save As › “CSV UTF-8 (Comma delimited)” and import that file.", e);
        }
    }
}
