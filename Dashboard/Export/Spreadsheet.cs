using ClosedXML.Excel;
using Dashboard.Domain.Export;

namespace Dashboard.Export;

/// <summary>A worksheet's content: a title, column headers and rows of plain values.</summary>
public sealed record SheetData(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows, string? Title = null);

/// <summary>A file made for download: its name, its content type and its bytes.</summary>
public sealed record ExportedFile(string Name, string ContentType, byte[] Content);

/// <summary>
/// The one place the app writes .xlsx files. Text is always written as text (never a formula) and
/// neutralised against formula injection, so a commentary typed as "=HYPERLINK(...)" stays harmless.
/// </summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IEnumerable<SheetData> sheets)
    {
        using var workbook = new XLWorkbook();
        foreach (var sheet in sheets)
        {
            var worksheet = workbook.Worksheets.Add(SafeSheetName(sheet.Name));
            var row = 1;
            if (sheet.Title is not null)
            {
                worksheet.Cell(row, 1).SetValue(FormulaInjection.Neutralise(sheet.Title) ?? "");
                worksheet.Cell(row, 1).Style.Font.Bold = true;
                worksheet.Cell(row, 1).Style.Font.FontSize = 14;
                row += 2;
            }

            for (var column = 0; column < sheet.Headers.Count; column++)
            {
                var header = worksheet.Cell(row, column + 1);
                header.SetValue(sheet.Headers[column]);
                header.Style.Font.Bold = true;
                header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DCE6F1");
            }

            worksheet.SheetView.FreezeRows(row);
            foreach (var values in sheet.Rows)
            {
                row++;
                for (var column = 0; column < values.Count; column++)
                {
                    SetCell(worksheet.Cell(row, column + 1), values[column]);
                }
            }

            // Fixed widths: ClosedXML's AdjustToContents measures text with GDI, which Linux servers lack.
            for (var column = 1; column <= sheet.Headers.Count; column++)
            {
                worksheet.Column(column).Width = Math.Clamp(sheet.Rows.Select(r => r.Count >= column ? r[column - 1]?.ToString()?.Length ?? 0 : 0).DefaultIfEmpty(0).Max(), sheet.Headers[column - 1].Length + 2, 60);
                worksheet.Column(column).Style.Alignment.WrapText = true;
                worksheet.Column(column).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void SetCell(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case int i:
                cell.SetValue(i);
                break;
            case long l:
                cell.SetValue(l);
                break;
            case decimal d:
                cell.SetValue(d);
                break;
            case double f:
                cell.SetValue(f);
                break;
            case DateOnly date:
                cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                cell.Style.DateFormat.Format = "d mmm yyyy";
                break;
            default:
                // SetValue on a string can still be read as a formula by ClosedXML; the explicit text type cannot.
                cell.SetValue(FormulaInjection.Neutralise(value.ToString()) ?? "");
                cell.DataType = XLDataType.Text;
                break;
        }
    }

    // Excel refuses sheet names over 31 characters or containing : \ / ? * [ ].
    private static string SafeSheetName(string name)
    {
        var cleaned = new string(name.Select(c => ":\\/?*[]".Contains(c) ? ' ' : c).ToArray()).Trim();
        return cleaned.Length <= 31 ? cleaned : cleaned[..31];
    }
}
