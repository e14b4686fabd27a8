using Dashboard.Components.Shared;
using Dashboard.Data;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Time;
using Dashboard.Export;
using Dashboard.Import;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Risks;

/// <summary>
/// A register as a spreadsheet: Appendix A's columns (Ref, Risk, L, I, Score, Mitigation) then band,
/// owner, council and next review. Export writes this shape and import reads it back.
/// </summary>
public static class RiskSheet
{
    public const string Ref = "Ref";
    public const string Risk = "Risk";
    public const string L = "L";
    public const string I = "I";
    public const string Score = "Score";
    public const string Mitigation = "Mitigation";
    public const string Band = "Band";
    public const string Owner = "Owner";
    public const string Council = "Council";
    public const string NextReview = "Next review";

    /// <summary>The columns in export order. Score and Band follow from L and I: import checks the score and ignores the band.</summary>
    public static IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(Ref, Required: true), new(Risk, Required: true), new(L, Required: true), new(I, Required: true), new(Score), new(Mitigation),
        new(Band), new(Owner), new(Council), new(NextReview),
    ];

    public static SheetData Sheet(string register, IEnumerable<RiskRow> risks, ScoreBandSet bands, DateOnly today) => new(
        register,
        Columns.Select(c => c.Heading).ToList(),
        risks.Select(r => (IReadOnlyList<object?>)
        [
            r.Ref, r.Title, (int?)r.Score?.Likelihood, (int?)r.Score?.Impact, r.Score?.Value, r.Mitigation,
            r.Score is { } score ? bands.BandOf(score).Name : null, r.Owner, r.Councils, r.NextReviewDate,
        ]).ToList(),
        $"{register} risk register — {UkFormat.Date(today)}");

    /// <summary>
    /// GET /risks/registers/{id}/export.xlsx and …/export.csv with the register page's filters in the query
    /// string. Any signed-in user may export (the app's fallback policy refuses everyone else).
    /// </summary>
    public static WebApplication MapRiskRegisterExport(this WebApplication app)
    {
        app.MapGet("/risks/registers/{registerId:int}/export.xlsx", (int registerId, HttpRequest request, IDbContextFactory<DashboardDbContext> dbFactory, ScoreBandSet bands, ReportingClock clock, CancellationToken cancellationToken) =>
            ExportAsync(registerId, csv: false, request, dbFactory, bands, clock, cancellationToken));
        app.MapGet("/risks/registers/{registerId:int}/export.csv", (int registerId, HttpRequest request, IDbContextFactory<DashboardDbContext> dbFactory, ScoreBandSet bands, ReportingClock clock, CancellationToken cancellationToken) =>
            ExportAsync(registerId, csv: true, request, dbFactory, bands, clock, cancellationToken));
        return app;
    }

    private static async Task<IResult> ExportAsync(int registerId, bool csv, HttpRequest request, IDbContextFactory<DashboardDbContext> dbFactory, ScoreBandSet bands, ReportingClock clock, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await WriteAsync(db, registerId, RiskFilter.FromQuery(request.Query), csv, bands, clock.Today, cancellationToken) is { } file
            ? Results.File(file.Content, file.ContentType, file.Name)
            : Results.NotFound($"There is no risk register {registerId}.");
    }

    /// <summary>A register's risks as the register page shows them with <paramref name="filter"/>, as .csv or .xlsx; null if there is no such register.</summary>
    public static async Task<ExportedFile?> WriteAsync(DashboardDbContext db, int registerId, RiskFilter filter, bool csv, ScoreBandSet bands, DateOnly today, CancellationToken cancellationToken = default)
    {
        var register = await db.RiskRegisters.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registerId, cancellationToken);
        if (register is null)
        {
            return null;
        }

        var risks = filter.ForTable(await RiskQueries.CurrentRisksAsync(db, registerId, filter.ComparisonPoint, cancellationToken), bands);
        var sheet = Sheet(register.Name, risks, bands, today);
        var name = $"{FileNameOf(register.Name)}-risk-register-{today:yyyy-MM-dd}";
        return csv
            ? new ExportedFile(name + ".csv", CsvFile.ContentType, CsvFile.Write(sheet))
            : new ExportedFile(name + ".xlsx", Spreadsheet.ContentType, Spreadsheet.Write([sheet]));
    }

    private static string FileNameOf(string name) =>
        string.Join("-", new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
