using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Risks;
using Dashboard.Features.Risks;
using Dashboard.Import;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Risks;

/// <summary>Export → import round trips and malformed files, through the app's own export and the shared import pipeline.</summary>
public class RiskImportTests : DashboardTestContext
{
    private const string Headings = "Ref,Risk,L,I,Score,Mitigation,Band,Owner,Council,Next review";

    public RiskImportTests() => Services.AddScoped<RiskImport>();

    private RiskImport Import => Services.GetRequiredService<RiskImport>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<int> RegisterIdAsync(string name)
    {
        await using var db = await Database.OpenAsync();
        return await db.RiskRegisters.Where(r => r.Name == name).Select(r => r.Id).SingleAsync(Ct);
    }

    private async Task<ImportFile> ExportAsync(string register, bool csv, RiskFilter? filter = null)
    {
        await using var db = await Database.OpenAsync();
        var file = await RiskSheet.WriteAsync(db, await RegisterIdAsync(register), filter ?? new RiskFilter { Status = StatusFilter.All }, csv, ScoreBandSet.Default, new DateOnly(2010, 12, 9), Ct);
        return new ImportFile(file!.Name, file.Content);
    }

    private static ImportFile Csv(string text, string name = "risks.csv") => new(name, Encoding.UTF8.GetBytes(text));

    /// <summary>Everything an import could write: if these are unchanged, nothing was written.</summary>
    private async Task<(int Risks, int Assessments, int AuditEntries, string Titles)> StateAsync()
    {
        await using var db = await Database.OpenAsync();
        var titles = string.Join("|", await db.Risks.OrderBy(r => r.Id).Select(r => r.Title + r.Mitigation + r.NextReviewDate + r.OwnerId + r.CouncilId).ToListAsync(Ct));
        return (await db.Risks.CountAsync(Ct), await db.RiskAssessments.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct), titles);
    }

    private static ImportFile Edit(ImportFile workbook, Action<IXLWorksheet> edit)
    {
        using var book = new XLWorkbook(new MemoryStream(workbook.Content));
        edit(book.Worksheets.First());
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return workbook with { Content = stream.ToArray() };
    }

    private static IXLRow RowOf(IXLWorksheet sheet, string reference) => sheet.RowsUsed().Single(r => r.Cell(1).GetString() == reference);

    [Theory]
    [InlineData("Shared Services Programme", false)]
    [InlineData("Shared Services Programme", true)]
    [InlineData("ICT", false)]
    [InlineData("ICT", true)]
    public async Task An_exported_register_imports_back_unchanged(string register, bool csv)
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var file = await ExportAsync(register, csv);

        var outcome = await Import.PreviewAsync(await RegisterIdAsync(register), file, Ct);

        Assert.Null(outcome.Refusal);
        Assert.Empty(outcome.Preview.Errors);
        Assert.NotEmpty(outcome.Preview.Rows);
        Assert.All(outcome.Preview.Rows, r => Assert.True(r.Change == RowChange.Unchanged, $"Row {r.Row} ({r.Key}): {string.Join("; ", r.Differences)}"));
    }

    [Fact]
    public async Task A_deactivated_owner_may_stay_on_a_risk_but_not_become_the_owner_of_another()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        await using (var db = await Database.OpenAsync())
        {
            foreach (var person in await db.People.Where(p => p.Name == "Alex Morgan" || p.Name == "Kim Adams").ToListAsync(Ct))
            {
                person.DeactivatedAt = new DateTimeOffset(2010, 12, 1, 9, 0, 0, TimeSpan.Zero);
            }

            await db.SaveChangesAsync(Ct);
        }

        var registerId = await RegisterIdAsync("ICT");
        var file = await ExportAsync("ICT", csv: true);
        Assert.Empty((await Import.PreviewAsync(registerId, file, Ct)).Preview.Errors);

        var handedToKim = Csv(Encoding.UTF8.GetString(file.Content).Replace("Alex Morgan", "Kim Adams", StringComparison.Ordinal));
        var errors = (await Import.PreviewAsync(registerId, handedToKim, Ct)).Preview.Errors;

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains("“Kim Adams” has been deactivated: name an active person as owner, or leave the cell blank.", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_filtered_export_holds_the_rows_on_screen_and_imports_back_unchanged()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var filter = new RiskFilter { Cell = new MatrixCell(Likelihood.Significant, Impact.Major) };
        var file = await ExportAsync("Shared Services Programme", csv: false, filter);

        var outcome = await Import.PreviewAsync(await RegisterIdAsync("Shared Services Programme"), file, Ct);

        Assert.Equal(["8", "10"], outcome.Preview.Rows.Select(r => r.Key));
        Assert.All(outcome.Preview.Rows, r => Assert.Equal(RowChange.Unchanged, r.Change));
    }

    [Fact]
    public async Task A_confirmed_file_imports_in_one_go_and_importing_it_again_changes_nothing()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var registerId = await RegisterIdAsync("Shared Services Programme");
        using var announced = new Announcements(Notifier);
        var file = Edit(await ExportAsync("Shared Services Programme", csv: false), sheet =>
        {
            var risk10 = RowOf(sheet, "10");
            risk10.Cell(3).Value = 4;
            risk10.Cell(5).Value = 12;
            RowOf(sheet, "4").Cell(6).Value = "- staff forums continue monthly";
            var added = sheet.LastRowUsed().RowBelow();
            added.Cell(1).Value = "15";
            added.Cell(2).Value = "Loss of IEWM support for the Transformation Team";
            added.Cell(3).Value = 2;
            added.Cell(4).Value = 3;
            added.Cell(9).Value = "RBC";
        });

        var preview = (await Import.PreviewAsync(registerId, file, Ct)).Preview;
        Assert.Equal((1, 2, 12), (preview.Count(RowChange.New), preview.Count(RowChange.Changed), preview.Count(RowChange.Unchanged)));
        Assert.Equal(["Score: 3 × 3 = 9 → 4 × 3 = 12 (a new assessment)"], preview.Rows.Single(r => r.Key == "10").Differences);
        Assert.Equal(["Mitigation changed"], preview.Rows.Single(r => r.Key == "4").Differences);

        var outcome = await Import.ApplyAsync(registerId, file, preview, Ct);

        Assert.True(outcome.Applied);
        await using (var db = await Database.OpenAsync())
        {
            var risk10 = await db.Risks.Include(r => r.Assessments).SingleAsync(r => r.RiskRegisterId == registerId && r.Ref == "10", Ct);
            Assert.Equal([6, 9, 12], risk10.Assessments.OrderBy(a => a.AssessedAt).Select(a => a.Score.Value));
            Assert.Equal("Imported from " + file.Name, RiskHistory.Current(risk10.Assessments)!.Reason);
            var risk15 = await db.Risks.Include(r => r.Council).Include(r => r.Assessments).SingleAsync(r => r.RiskRegisterId == registerId && r.Ref == "15", Ct);
            Assert.Equal(("RBC", 6, new DateOnly(2010, 12, 9).AddDays(180)), (risk15.Council!.Code, Assert.Single(risk15.Assessments).Score.Value, risk15.NextReviewDate));
            Assert.Equal("- staff forums continue monthly", (await db.Risks.SingleAsync(r => r.RiskRegisterId == registerId && r.Ref == "4", Ct)).Mitigation);
        }

        Assert.Equal("Shared Services Programme register imported: 1 new, 2 changed", Assert.Single(await announced.AfterFirstAsync()).Summary);

        var before = await StateAsync();
        var again = (await Import.PreviewAsync(registerId, file, Ct)).Preview;
        Assert.All(again.Rows, r => Assert.True(r.Change == RowChange.Unchanged, $"{r.Key}: {string.Join("; ", r.Differences)}"));
        Assert.True((await Import.ApplyAsync(registerId, file, again, Ct)).Applied);
        Assert.Equal(before, await StateAsync());
    }

    public static TheoryData<string, string, string> MalformedFiles() => new()
    {
        { "wrong headings", "Reference,Description,Likelihood,Impact\n1,Impact of changes in political leadership,3,2\n", "The column headings were not found. The first row of the table should read: Ref, Risk, L, I, Score, Mitigation, Band, Owner, Council, Next review." },
        { "an unknown heading", "Ref,Title,L,I\n1,Impact of changes in political leadership,3,2\n", "Row 1: “Title” is not a column this import reads. The columns are: Ref, Risk, L, I, Score, Mitigation, Band, Owner, Council, Next review." },
        { "L = 5", $"{Headings}\n1,Impact of changes in political leadership,5,2,,,,,,\n", "Row 2, L: The likelihood must be from 1 (Low) to 4, not 5." },
        { "an empty title", $"{Headings}\n1,Impact of changes in political leadership,3,2,6,,,,,\n16,,2,2,4,,,,,\n", "Row 3, Risk: Describe the risk." },
        { "text in a number column", $"{Headings}\n1,Impact of changes in political leadership,3,High,,,,,,\n", "Row 2, I: “High” is not a whole number; give a number such as 3." },
        { "a wrong score", $"{Headings}\n1,Impact of changes in political leadership,3,2,9,,,,,\n", "Row 2, Score: The score is L × I = 3 × 2 = 6, not 9. Change L or I; the score follows from them." },
        { "an unknown owner", $"{Headings}\n1,Impact of changes in political leadership,3,2,6,,,Jo Bloggs,,\n", "Row 2, Owner: No one called “Jo Bloggs” is in the dashboard's list of people. Use a name as the dashboard shows it, or their email address, or leave the cell blank." },
        { "an unknown council", $"{Headings}\n1,Impact of changes in political leadership,3,2,6,,,,WFDC,\n", "Row 2, Council: Give BDC, RBC or Both, not “WFDC”." },
        { "a bad date", $"{Headings}\n1,Impact of changes in political leadership,3,2,6,,,,,next spring\n", "Row 2, Next review: “next spring” is not a date; write it as 9 Mar 2011 or 2011-03-09." },
        { "a Ref twice", $"{Headings}\n1,Impact of changes in political leadership,3,2,6,,,,,\n1,Again,3,2,6,,,,,\n", "Row 3, Ref: 1 is also on row 2; each Ref may appear once." },
        { "a missing column", "Ref,Risk,L\n1,Impact of changes in political leadership,3\n", "Row 1: The column I is missing; it is needed. The columns are: Ref, Risk, L, I, Score, Mitigation, Band, Owner, Council, Next review." },
        { "unbalanced quotes", $"{Headings}\n1,\"Impact of changes,3,2\n", "The CSV file could not be read" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task A_malformed_file_is_refused_with_row_numbered_errors_and_nothing_is_written(string problem, string csv, string expected)
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var registerId = await RegisterIdAsync("Shared Services Programme");
        var before = await StateAsync();
        var file = Csv(csv);

        var preview = (await Import.PreviewAsync(registerId, file, Ct)).Preview;
        var applied = await Import.ApplyAsync(registerId, file, preview, Ct);

        Assert.False(preview.IsValid, problem);
        Assert.Contains(preview.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
        Assert.False(applied.Applied);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task One_bad_row_among_good_ones_stops_the_whole_file()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var registerId = await RegisterIdAsync("Shared Services Programme");
        var before = await StateAsync();
        var file = Edit(await ExportAsync("Shared Services Programme", csv: false), sheet =>
        {
            RowOf(sheet, "3").Cell(2).Value = "Loss of key senior staff (edited)";
            RowOf(sheet, "12").Cell(3).Value = 5;
        });

        var preview = (await Import.PreviewAsync(registerId, file, Ct)).Preview;

        var error = Assert.Single(preview.Errors);
        Assert.Equal($"Row {RowOf(new XLWorkbook(new MemoryStream(file.Content)).Worksheets.First(), "12").RowNumber()}, L: The likelihood must be from 1 (Low) to 4, not 5.", error.ToString());
        Assert.False((await Import.ApplyAsync(registerId, file, preview, Ct)).Applied);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_file_of_10000_rows_is_refused_before_anything_is_read_into_the_register()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var registerId = await RegisterIdAsync("Shared Services Programme");
        var before = await StateAsync();
        var csv = new StringBuilder(Headings).Append('\n');
        for (var i = 1; i <= 10_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"R{i},Risk number {i},2,2,4,,,,,\n");
        }

        var file = Csv(csv.ToString());
        var preview = (await Import.PreviewAsync(registerId, file, Ct)).Preview;

        Assert.Equal("The file has more than 1,000 rows; one import takes at most that many risks. Split it into smaller files.", Assert.Single(preview.Errors).ToString());
        Assert.False((await Import.ApplyAsync(registerId, file, preview, Ct)).Applied);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_formula_or_a_file_that_is_not_a_workbook_is_refused()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var registerId = await RegisterIdAsync("ICT");
        var formula = Edit(await ExportAsync("ICT", csv: false), sheet => RowOf(sheet, "ICT-1").Cell(3).FormulaA1 = "1+1");

        var formulaErrors = (await Import.PreviewAsync(registerId, formula, Ct)).Preview.Errors;
        var notAWorkbook = (await Import.PreviewAsync(registerId, new ImportFile("risks.xlsx", Encoding.UTF8.GetBytes("not a workbook")), Ct)).Preview.Errors;
        var wrongType = (await Import.PreviewAsync(registerId, new ImportFile("risks.pdf", [1, 2, 3]), Ct)).Preview.Errors;

        Assert.StartsWith("Row 4, L: The cell holds a formula", Assert.Single(formulaErrors).ToString(), StringComparison.Ordinal);
        Assert.Equal("The file could not be opened as an Excel workbook. Save it from Excel as “Excel Workbook (.xlsx)” and try again.", Assert.Single(notAWorkbook).ToString());
        Assert.Equal("“risks.pdf” is not a file this import reads. Choose an Excel workbook (.xlsx) or a CSV file (.csv).", Assert.Single(wrongType).ToString());
    }

    [Fact]
    public async Task A_manager_cannot_import_into_a_register_they_do_not_own()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var programme = await RegisterIdAsync("Shared Services Programme");
        var before = await StateAsync();
        var file = Csv($"{Headings}\n15,A risk the manager should not add,2,2,4,,,,,\n");

        var preview = await Import.PreviewAsync(programme, file, Ct);
        var apply = await Import.ApplyAsync(programme, file, new ImportPreview([], [new PreviewRow(2, "15", RowChange.New, [])]), Ct);

        Assert.Equal("Only the register's owner or an administrator can import into it.", preview.Refusal);
        Assert.Equal(preview.Refusal, apply.Refusal);
        Assert.False(apply.Applied);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_manager_imports_into_their_own_register()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var ict = await RegisterIdAsync("ICT");
        var file = Csv($"{Headings}\nICT-3,Telephony contract ends before the new system is live,3,3,9,,,,BDC,\n");

        var preview = (await Import.PreviewAsync(ict, file, Ct)).Preview;
        var outcome = await Import.ApplyAsync(ict, file, preview, Ct);

        Assert.True(outcome.Applied);
        await using var db = await Database.OpenAsync();
        var risk = await db.Risks.Include(r => r.Owner).SingleAsync(r => r.RiskRegisterId == ict && r.Ref == "ICT-3", Ct);
        Assert.Equal("Alex Morgan", risk.Owner!.Name);
    }

    [Fact]
    public async Task A_register_changed_since_the_preview_is_not_overwritten()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var registerId = await RegisterIdAsync("ICT");
        var file = Edit(await ExportAsync("ICT", csv: false), sheet => RowOf(sheet, "ICT-2").Cell(2).Value = "Single email domain delayed to 2011");
        var preview = (await Import.PreviewAsync(registerId, file, Ct)).Preview;
        await using (var db = await Database.OpenAsync())
        {
            (await db.Risks.SingleAsync(r => r.Ref == "ICT-1", Ct)).Title = "Changed by someone else meanwhile";
            await db.SaveChangesAsync(Ct);
        }

        var before = await StateAsync();
        var outcome = await Import.ApplyAsync(registerId, file, preview, Ct);

        Assert.False(outcome.Applied);
        Assert.Equal("The risks changed since the preview, so nothing was imported. Check the new preview and confirm again.", outcome.Refusal);
        Assert.Equal(2, outcome.Preview.Changes);
        Assert.Equal(before, await StateAsync());
    }
}

public sealed class RiskImportTestsOnPostgres : RiskImportTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
