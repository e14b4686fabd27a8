using System.Text;
using Dashboard.Export;

namespace Dashboard.Tests.Export;

public sealed class CsvFileTests
{
    [Fact]
    public void A_sheet_is_written_as_utf8_csv_with_inert_text_plain_numbers_and_iso_dates()
    {
        var sheet = new SheetData("Risks", ["Ref", "Risk", "L", "Next review"],
        [
            ["1", "=HYPERLINK(\"http://example.invalid\")", 3, new DateOnly(2011, 3, 9)],
            ["2", "Costs, and \"severance\" – £450k", null, null],
        ]);

        var bytes = CsvFile.Write(sheet);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(
            "Ref,Risk,L,Next review\r\n"
            + "1,\"'=HYPERLINK(\"\"http://example.invalid\"\")\",3,2011-03-09\r\n"
            + "2,\"Costs, and \"\"severance\"\" – £450k\",,\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }
}
