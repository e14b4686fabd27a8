using System.Globalization;
using CsvHelper;
using Dashboard.Domain.Export;

namespace Dashboard.Export;

/// <summary>
/// The one place the app writes .csv files, from the same <see cref="SheetData"/> as the Excel writer:
/// the headings row then the rows (no title, so the file is a plain table). Text is neutralised against
/// formula injection, since spreadsheet programs open CSV files too.
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(SheetData sheet)
    {
        using var stream = new MemoryStream();
        // The byte order mark tells Excel the file is UTF-8, so "£" and "–" survive a double-click open.
        // Injection is handled by FormulaInjection below, the same rule as the Excel writer's, so import can undo it.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.None };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord(sheet.Headers.ToArray());
            foreach (var row in sheet.Rows)
            {
                csv.WriteRecord(row.Select(Text).ToArray());
            }
        }

        return stream.ToArray();
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable number and (int or long or decimal or double) => number.ToString(null, CultureInfo.InvariantCulture),
        _ => FormulaInjection.Neutralise(value.ToString()) ?? "",
    };
}
