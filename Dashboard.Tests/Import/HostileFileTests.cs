using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Dashboard.Import;

namespace Dashboard.Tests.Import;

/// <summary>
/// Files that are not what they seem: a small workbook that unpacks to millions of cells, a CSV saved in an
/// old Windows encoding, a workbook another program wrote without the parts Excel always writes. Each is
/// refused with a message the person importing can act on, without the server loading it whole.
/// </summary>
public sealed class HostileFileTests
{
    [Fact]
    public void A_workbook_that_unpacks_to_millions_of_cells_is_refused_before_it_is_loaded()
    {
        var bomb = new ImportFile("risks.xlsx", WorkbookWithSheet(CellsXml(rows: 100_000, columns: 30)));
        Assert.True(bomb.Content.Length < ImportFile.MaxBytes, $"The file is {bomb.Content.Length:N0} bytes, within the upload limit.");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<UnreadableFileException>(() => TableReader.Read(bomb, stopAfter: 1_011).ToList());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("too big to import", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 50L * 1024 * 1024, $"Reading allocated {allocated / 1024 / 1024} MB before refusing.");
    }

    [Fact]
    public void A_workbook_that_claims_a_small_size_but_unpacks_to_more_is_refused()
    {
        var content = WorkbookWithSheet(CellsXml(rows: 2, columns: 2) + new string(' ', 60 * 1024 * 1024));

        var error = Assert.Throws<UnreadableFileException>(() => TableReader.Read(new ImportFile("risks.xlsx", content), stopAfter: 1_011).ToList());

        Assert.Contains("too big to import", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_normal_workbook_is_read_as_before()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Risks");
        sheet.Cell(1, 1).Value = "Ref";
        sheet.Cell(1, 2).Value = "Risk";
        sheet.Cell(2, 1).Value = "1";
        sheet.Cell(2, 2).Value = "Impact of changes in political leadership";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var rows = TableReader.Read(new ImportFile("risks.xlsx", stream.ToArray()), stopAfter: 10).ToList();

        Assert.Equal(["Ref", "Risk"], rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["1", "Impact of changes in political leadership"], rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void A_workbook_without_a_styles_part_is_read_or_refused_with_a_message_never_left_hanging()
    {
        var content = WorkbookWithSheet(CellsXml(rows: 3, columns: 2), withStyles: false);

        var read = Record.Exception(() => TableReader.Read(new ImportFile("risks.xlsx", content), stopAfter: 10).ToList());

        Assert.True(read is null or UnreadableFileException, $"Reading threw {read?.GetType().Name}: {read?.Message}");
    }

    [Fact]
    public void A_csv_saved_as_windows_1252_is_refused_naming_the_row_and_how_to_save_it()
    {
        var windows1252 = CodePagesEncoding(1252);
        var content = windows1252.GetBytes("Code,Amount,Note\r\nA,1,fine\r\nB,2,\u201cSavings of \u00a3450k\u201d\r\n");

        var error = Assert.Throws<UnreadableFileException>(() => TableReader.Read(new ImportFile("amounts.csv", content), stopAfter: 10).ToList());

        Assert.Contains("row 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_in_utf8_keeps_its_pound_signs_and_quotes_with_or_without_a_byte_order_mark()
    {
        const string text = "Code,Note\r\nB,\u201cSavings of \u00a3450k\u201d\r\n";
        foreach (var content in new[] { Encoding.UTF8.GetBytes(text), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] })
        {
            var rows = TableReader.Read(new ImportFile("amounts.csv", content), stopAfter: 10).ToList();

            Assert.Equal("\u201cSavings of \u00a3450k\u201d", rows[1].Cells[1].Text);
            Assert.Equal("Code", rows[0].Cells[0].Text);
        }
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    private static string CellsXml(int rows, int columns)
    {
        var xml = new StringBuilder();
        for (var r = 1; r <= rows; r++)
        {
            xml.Append("<row r=\"").Append(r).Append("\">");
            for (var c = 0; c < columns; c++)
            {
                xml.Append("<c t=\"inlineStr\"><is><t>x</t></is></c>");
            }

            xml.Append("</row>");
        }

        return xml.ToString();
    }

    /// <summary>The smallest workbook Excel opens: content types, relationships, a workbook, one sheet (and styles unless told not to).</summary>
    private static byte[] WorkbookWithSheet(string sheetData, bool withStyles = true)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

            Part("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                """ + (withStyles ? """<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""" : "") + "</Types>");
            Part("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Part("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Risks" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            Part("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                """ + (withStyles ? """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""" : "") + "</Relationships>");
            Part("xl/worksheets/sheet1.xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheetData}</sheetData></worksheet>
                """);
            if (withStyles)
            {
                Part("xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs></styleSheet>
                    """);
            }
        }

        return stream.ToArray();
    }
}
