using ClosedXML.Excel;
using Dashboard.Domain.Risks;
using Dashboard.Export;
using Dashboard.Features.Reporting;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Features.Reporting;

public class BoardPackExportTests
{
    /// <summary>Overridden by <see cref="BoardPackExportTestsOnPostgres"/>.</summary>
    protected virtual Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Sqlite;

    [Fact]
    public async Task The_workbook_has_a_sheet_per_section_with_the_reports_headers_and_inert_text()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        await using var db = await database.OpenAsync();
        var card = await db.StatusUpdates.SingleAsync(u => u.SharedService!.Name == "ICT" && u.Period == new DateOnly(2010, 12, 1), ct);
        card.Commentary = "=HYPERLINK(\"http://example.invalid\",\"Details\")";
        await db.SaveChangesAsync(ct);
        var meeting = await db.BoardMeetings.SingleAsync(m => m.Date == new DateOnly(2010, 12, 9), ct);
        var pack = await BoardPackBuilder.BuildAsync(db, meeting, ScoreBandSet.Default, Dashboard.Domain.Performance.PerformanceRules.Default, ct);

        using var workbook = new XLWorkbook(new MemoryStream(Spreadsheet.Write(BoardPackExport.Sheets(pack))));

        Assert.Equal(["Live shared services", "Projects underway", "Highlight reports", "Benefits realisation", "Savings", "Performance", "Risks"], workbook.Worksheets.Select(w => w.Name));
        var performance = workbook.Worksheet("Performance");
        Assert.Equal("As at the end of November 2010", performance.Cell(1, 1).GetString());
        Assert.Equal(pack.Performance!.Summaries[^1].Summary.MetTarget.Percent, performance.Cell(3, pack.Performance.Summaries.Count + 1).GetValue<int>());
        var risks = workbook.Worksheet("Risks");
        Assert.Equal(["Ref", "Risk", "L", "I", "Score", "Mitigation"], Enumerable.Range(1, 6).Select(c => risks.Cell(3, c).GetString()));
        var risk10 = risks.RowsUsed().Single(r => r.Cell(1).GetString() == "10");
        Assert.Equal(9, risk10.Cell(5).GetValue<int>());
        Assert.Equal("Increased from 6", risk10.Cell(8).GetString());
        // The demo's rows say where they come from, as the screens do.
        Assert.StartsWith("As printed: Appendix A", risk10.Cell(9).GetString(), StringComparison.Ordinal);

        var ict = workbook.Worksheet("Live shared services").RowsUsed().Single(r => r.Cell(1).GetString() == "ICT");
        Assert.False(ict.Cell(3).HasFormula);
        Assert.Equal("'=HYPERLINK(\"http://example.invalid\",\"Details\")", ict.Cell(3).GetString());
        Assert.Equal(450_000m, workbook.Worksheet("Savings").RowsUsed().Single(r => r.Cell(1).GetString() == "Bromsgrove District Council").Cell(3).GetValue<decimal>());
    }
}

public sealed class BoardPackExportTestsOnPostgres : BoardPackExportTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
