using System.Text;
using Dashboard.Data;
using Dashboard.Import;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Import;

/// <summary>
/// The shared pipeline with a small definition of its own (codes and amounts kept in memory), as the
/// performance-indicator import will use it: nothing here is specific to risks.
/// </summary>
public class ImportPipelineTests : IAsyncLifetime
{
    /// <summary>Overridden by <see cref="ImportPipelineTestsOnPostgres"/>.</summary>
    protected virtual Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Sqlite;

    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateEmptyAsync(Provider);

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Amount(string Code, int Value);

    /// <summary>Stored amounts by code; applying a row sets its amount.</summary>
    private sealed class Amounts(Dictionary<string, int> stored) : IImportDefinition<Amount>, IImportTarget<Amount>
    {
        public IReadOnlyList<ImportColumn> Columns { get; } = [new("Code", Required: true), new("Amount", Required: true), new("Note")];

        public string KeyColumn => "Code";

        public string RowsAre => "amounts";

        public int MaxRows => 5;

        public Task<IImportTarget<Amount>> OpenAsync(DashboardDbContext db, CancellationToken cancellationToken) => Task.FromResult<IImportTarget<Amount>>(this);

        public Amount? Read(ImportRow row)
        {
            var code = row.Text("Code");
            var value = row.WholeNumber("Amount");
            if (code is null)
            {
                row.Error("Code", "Give the code.");
            }

            return code is null || value is null ? null : new Amount(code, value.Value);
        }

        public string KeyOf(Amount row) => row.Code;

        public IReadOnlyList<string>? Differences(Amount row) =>
            !stored.TryGetValue(row.Code, out var old) ? null : old == row.Value ? [] : [$"Amount {old} → {row.Value}"];

        public void Apply(Amount row) => stored[row.Code] = row.Value;
    }

    private static ImportFile Csv(string text) => new("amounts.csv", Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Headings_are_found_below_a_title_and_rows_keep_the_numbers_a_spreadsheet_shows()
    {
        await using var db = await database.OpenAsync();
        var amounts = new Amounts(new() { ["A"] = 1, ["B"] = 2 });

        var preview = await ImportPipeline.PreviewAsync(db, amounts, Csv("Amounts as at 9 Dec 2010\n\n amount , CODE ,Note\n1,A,\n\n5,B,\n7,C,new\n"), Ct);

        Assert.Empty(preview.Errors);
        Assert.Equal(
            [new PreviewRow(4, "A", RowChange.Unchanged, []), new PreviewRow(6, "B", RowChange.Changed, ["Amount 2 → 5"]), new PreviewRow(7, "C", RowChange.New, [])],
            preview.Rows.Select(r => r with { Differences = [.. r.Differences] }),
            (a, b) => a.Row == b.Row && a.Key == b.Key && a.Change == b.Change && a.Differences.SequenceEqual(b.Differences));
    }

    [Fact]
    public async Task Every_problem_is_reported_by_row_and_column_and_nothing_is_applied()
    {
        await using var db = await database.OpenAsync();
        var stored = new Dictionary<string, int> { ["A"] = 1 };
        var amounts = new Amounts(stored);
        var file = Csv("Code,Amount\nA,ten\n,3\nB,4.5\nA,2\n");

        var preview = await ImportPipeline.PreviewAsync(db, amounts, file, Ct);
        var outcome = await ImportPipeline.ApplyAsync(db, amounts, file, preview, Ct);

        Assert.Equal(
            ["Row 2, Amount: “ten” is not a whole number; give a number such as 3.", "Row 3, Code: Give the code.", "Row 4, Amount: “4.5” is not a whole number; give a number such as 3."],
            preview.Errors.Select(e => e.ToString()));
        Assert.False(outcome.Applied);
        Assert.Equal(1, stored["A"]);
    }

    [Fact]
    public async Task Too_many_rows_are_refused_whole()
    {
        await using var db = await database.OpenAsync();

        var preview = await ImportPipeline.PreviewAsync(db, new Amounts([]), Csv("Code,Amount\n" + string.Concat(Enumerable.Range(1, 6).Select(i => $"C{i},{i}\n"))), Ct);

        Assert.Equal("The file has more than 5 rows; one import takes at most that many amounts. Split it into smaller files.", Assert.Single(preview.Errors).ToString());
    }

    [Fact]
    public async Task A_confirmed_preview_is_applied_and_a_different_outcome_is_not()
    {
        await using var db = await database.OpenAsync();
        var stored = new Dictionary<string, int> { ["A"] = 1 };
        var amounts = new Amounts(stored);
        var file = Csv("Code,Amount\nA,2\nB,3\n");
        var preview = await ImportPipeline.PreviewAsync(db, amounts, file, Ct);

        stored["A"] = 7;
        var stale = await ImportPipeline.ApplyAsync(db, amounts, file, preview, Ct);
        stored["A"] = 1;
        var confirmed = await ImportPipeline.ApplyAsync(db, amounts, file, preview, Ct);

        Assert.False(stale.Applied);
        Assert.Equal("The amounts changed since the preview, so nothing was imported. Check the new preview and confirm again.", stale.Refusal);
        Assert.True(confirmed.Applied);
        Assert.Equal(new Dictionary<string, int> { ["A"] = 2, ["B"] = 3 }, stored);
    }
}

public sealed class ImportPipelineTestsOnPostgres : ImportPipelineTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
