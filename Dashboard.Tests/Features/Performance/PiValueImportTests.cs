using System.Text;
using Bunit;
using ClosedXML.Excel;
using Dashboard.Domain.Organisation;
using Dashboard.Features.Performance;
using Dashboard.Import;
using Dashboard.Live;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Performance;

/// <summary>Download → import round trips, corrections and malformed files, through the shared import pipeline.</summary>
public class PiValueImportTests : DashboardTestContext
{
    private const string Headings = "Ref,Council,Period,Value,Note";

    public PiValueImportTests() => Services.AddScoped<PiValueImport>();

    private PiValueImport Import => Services.GetRequiredService<PiValueImport>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static ImportFile Csv(string text) => new("figures.csv", Encoding.UTF8.GetBytes(text));

    private async Task<ImportFile> DownloadAsync(bool csv)
    {
        await using var db = await Database.OpenAsync();
        var file = await PiValueSheet.WriteAsync(db, csv, new DateOnly(2010, 12, 9), Ct);
        return new ImportFile(file.Name, file.Content);
    }

    /// <summary>Everything an import could write: if these are unchanged, nothing was written.</summary>
    private async Task<(int Values, int AuditEntries, string Figures)> StateAsync()
    {
        await using var db = await Database.OpenAsync();
        var figures = string.Join("|", (await db.PiValues.OrderBy(v => v.Id).Select(v => new { v.Value, v.Note }).ToListAsync(Ct)).Select(v => $"{v.Value}{v.Note}"));
        return (await db.PiValues.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct), figures);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Downloaded_figures_import_back_unchanged(bool csv)
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);

        var outcome = await Import.PreviewAsync(await DownloadAsync(csv), Ct);

        Assert.Null(outcome.Refusal);
        Assert.Empty(outcome.Preview.Errors);
        Assert.NotEmpty(outcome.Preview.Rows);
        Assert.All(outcome.Preview.Rows, r => Assert.True(r.Change == RowChange.Unchanged, $"Row {r.Row} ({r.Key}): {string.Join("; ", r.Differences)}"));
    }

    [Fact]
    public async Task A_corrected_value_and_a_new_period_are_previewed_then_applied_once()
    {
        await SignInAsAsync("Sue Marsh", Roles.ServiceManager);
        var before = await StateAsync();
        using var announced = new Announcements(Notifier);
        // No Note column: the stored notes are kept.
        var file = Csv("Ref,Council,Period,Value\nNI 191,BDC,2010-04-01,50.5\nNI 191,BDC,2010-05-01,48.71\nNI 191,RBC,2010-12-01,190");

        var preview = await Import.PreviewAsync(file, Ct);

        Assert.Null(preview.Refusal);
        Assert.Empty(preview.Preview.Errors);
        Assert.Equal([RowChange.Changed, RowChange.Unchanged, RowChange.New], preview.Preview.Rows.Select(r => r.Change));
        Assert.Contains("Value: 49.12 → 50.5", preview.Preview.Rows[0].Differences);

        var applied = await Import.ApplyAsync(file, preview.Preview, Ct);

        Assert.True(applied.Applied, applied.Refusal);
        await using (var db = await Database.OpenAsync())
        {
            var april = await db.PiValues.SingleAsync(v => v.PerformanceIndicator!.Ref == "NI 191" && v.Council!.Code == "BDC" && v.PeriodStart == new DateOnly(2010, 4, 1), Ct);
            Assert.Equal(50.5m, april.Value);
            Assert.True(await db.PiValues.AnyAsync(v => v.PerformanceIndicator!.Ref == "NI 191" && v.Council!.Code == "RBC" && v.PeriodStart == new DateOnly(2010, 12, 1) && v.Value == 190m, Ct));
        }

        var after = await StateAsync();
        Assert.Equal(before.Values + 1, after.Values);
        Assert.True(after.AuditEntries > before.AuditEntries, "The import is audited like figure entry.");
        Assert.Contains(await announced.AfterFirstAsync(), c => c.Area == ChangeArea.PerformanceValues);

        var again = await Import.PreviewAsync(file, Ct);
        Assert.All(again.Preview.Rows, r => Assert.Equal(RowChange.Unchanged, r.Change));
        Assert.Equal(after, await StateAsync());
    }

    [Theory]
    [InlineData("Ref,Council,When,Value\nNI 191,BDC,2010-04-01,1", 1, "“When” is not a column")]
    [InlineData(Headings + "\nNI 999,BDC,2010-04-01,1,", 2, "No indicator has the Ref “NI 999”")]
    [InlineData(Headings + "\nNI 191,XYZ,2010-04-01,1,", 2, "Give BDC or RBC, not “XYZ”")]
    [InlineData(Headings + "\nNI 191,BDC,2010-04-01,lots,", 2, "\"lots\" is not a number")]
    [InlineData(Headings + "\nPRO 01,BDC,2010-05-01,3,", 2, "not the start of one of its periods")]
    [InlineData(Headings + "\nNI 191,BDC,2011-01-01,3,", 2, "has not begun yet")]
    [InlineData(Headings + "\nNI 191,BDC,2010-04-01,3,\nNI 191,BDC,2010-04-01,4,", 3, "is also on row 2")]
    [InlineData(Headings + "\nNI 191,BDC,2010-04-01,-3,", 2, "cannot be negative")]
    public async Task A_malformed_file_is_explained_by_row_and_imports_nothing(string content, int? row, string message)
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var before = await StateAsync();
        var file = Csv(content);

        var preview = await Import.PreviewAsync(file, Ct);
        var applied = await Import.ApplyAsync(file, preview.Preview, Ct);

        Assert.False(preview.Preview.IsValid);
        Assert.Contains(preview.Preview.Errors, e => e.Row == row && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.False(applied.Applied);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_real_Excel_date_cell_is_read_as_the_period()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("PI figures");
        string[] headings = ["Ref", "Council", "Period", "Value"];
        for (var i = 0; i < headings.Length; i++)
        {
            sheet.Cell(1, i + 1).Value = headings[i];
        }

        sheet.Cell(2, 1).Value = "NI 191";
        sheet.Cell(2, 2).Value = "BDC";
        sheet.Cell(2, 3).Value = new DateTime(2010, 5, 1);
        sheet.Cell(2, 4).Value = 48.71;
        using var stream = new MemoryStream();
        book.SaveAs(stream);

        var outcome = await Import.PreviewAsync(new ImportFile("figures.xlsx", stream.ToArray()), Ct);

        Assert.Empty(outcome.Preview.Errors);
        Assert.Equal(RowChange.Unchanged, Assert.Single(outcome.Preview.Rows).Change);
    }

    [Fact]
    public async Task A_manager_cannot_import_figures_for_an_indicator_they_do_not_own()
    {
        await SignInAsAsync("Sue Marsh", Roles.ServiceManager);
        var before = await StateAsync();
        var file = Csv($"{Headings}\nICT 01,BDC,2010-04-01,99,");

        var preview = await Import.PreviewAsync(file, Ct);
        var applied = await Import.ApplyAsync(file, preview.Preview, Ct);

        Assert.Contains(preview.Preview.Errors, e => e.Row == 2 && e.Message.Contains("You do not own ICT 01", StringComparison.Ordinal));
        Assert.False(applied.Applied);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_retired_indicators_figures_import_back_unchanged_but_cannot_be_changed()
    {
        await using (var db = await Database.OpenAsync())
        {
            (await db.PerformanceIndicators.SingleAsync(p => p.Ref == "NI 191", Ct)).RetiredOn = new DateOnly(2010, 12, 1);
            await db.SaveChangesAsync(Ct);
        }

        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var before = await StateAsync();
        var download = await Import.PreviewAsync(await DownloadAsync(csv: true), Ct);
        var file = Csv($"{Headings}\nNI 191,BDC,2010-04-01,50.5,\nNI 191,RBC,2010-12-01,47,");
        var preview = await Import.PreviewAsync(file, Ct);
        var applied = await Import.ApplyAsync(file, preview.Preview, Ct);

        Assert.Empty(download.Preview.Errors);
        Assert.Equal([2, 3], preview.Preview.Errors.Where(e => e.Message.Contains("NI 191 was retired on 1 December 2010: reactivate it", StringComparison.Ordinal)).Select(e => e.Row));
        Assert.False(applied.Applied);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_board_member_is_refused()
    {
        await SignInAsAsync("Priya Shah", Roles.BoardMember);
        var before = await StateAsync();
        var file = Csv($"{Headings}\nNI 191,BDC,2010-04-01,99,");

        var preview = await Import.PreviewAsync(file, Ct);
        var applied = await Import.ApplyAsync(file, ImportPreview.Failed(), Ct);

        Assert.NotNull(preview.Refusal);
        Assert.False(applied.Applied);
        Assert.NotNull(applied.Refusal);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task The_page_tells_a_board_member_they_cannot_import()
    {
        await SignInAsAsync("Priya Shah", Roles.BoardMember);

        var page = Render<PiValueImportPage>();

        page.WaitForAssertion(() => Assert.Contains("Only an indicator's owner or an administrator", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("input[type=file]"));
    }

    [Theory]
    [InlineData(Roles.ServiceManager, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.BoardMember, false)]
    public async Task The_performance_page_links_to_the_import_only_for_those_who_may_import(string role, bool linked)
    {
        Services.AddScoped<PerformanceCommands>();
        await SignInAsAsync("Sue Marsh", role);

        var page = Render<PerformancePage>();

        page.WaitForAssertion(() => Assert.Contains("performance/figures.xlsx", page.Markup, StringComparison.Ordinal));
        Assert.Equal(linked, page.FindAll("a[href='performance/import']").Count > 0);
    }
}

public sealed class PiValueImportTestsOnPostgres : PiValueImportTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
