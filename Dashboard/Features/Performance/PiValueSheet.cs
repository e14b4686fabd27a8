using Dashboard.Components.Shared;
using Dashboard.Data;
using Dashboard.Domain.Time;
using Dashboard.Export;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Performance;

/// <summary>
/// The entered PI figures in the shape <see cref="PiValueImport"/> reads, so a downloaded file can be
/// corrected and imported back. The shared writers neutralise formula injection in the notes.
/// </summary>
public static class PiValueSheet
{
    /// <summary>GET /performance/figures.xlsx and /performance/figures.csv; any signed-in user may read the figures.</summary>
    public static WebApplication MapPiValueExport(this WebApplication app)
    {
        app.MapGet("/performance/figures.xlsx", (IDbContextFactory<DashboardDbContext> dbFactory, ReportingClock clock, CancellationToken cancellationToken) =>
            ExportAsync(csv: false, dbFactory, clock, cancellationToken));
        app.MapGet("/performance/figures.csv", (IDbContextFactory<DashboardDbContext> dbFactory, ReportingClock clock, CancellationToken cancellationToken) =>
            ExportAsync(csv: true, dbFactory, clock, cancellationToken));
        return app;
    }

    private static async Task<IResult> ExportAsync(bool csv, IDbContextFactory<DashboardDbContext> dbFactory, ReportingClock clock, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = await WriteAsync(db, csv, clock.Today, cancellationToken);
        return Results.File(file.Content, file.ContentType, file.Name);
    }

    public static async Task<ExportedFile> WriteAsync(DashboardDbContext db, bool csv, DateOnly today, CancellationToken cancellationToken = default)
    {
        var values = await db.PiValues.AsNoTracking()
            .Select(v => new { v.PerformanceIndicator!.Ref, v.Council!.Code, v.PeriodStart, v.Value, v.Note })
            .ToListAsync(cancellationToken);
        var rows = values.OrderBy(v => v.Ref).ThenBy(v => v.Code).ThenBy(v => v.PeriodStart)
            .Select(v => (IReadOnlyList<object?>)[v.Ref, v.Code, v.PeriodStart, v.Value, v.Note]).ToList();
        var sheet = new SheetData("PI figures", PiValueImport.Columns.Select(c => c.Heading).ToList(), rows, $"Performance indicator figures — {UkFormat.Date(today)}");
        var name = $"pi-figures-{today:yyyy-MM-dd}";
        return csv
            ? new ExportedFile(name + ".csv", CsvFile.ContentType, CsvFile.Write(sheet))
            : new ExportedFile(name + ".xlsx", Spreadsheet.ContentType, Spreadsheet.Write([sheet]));
    }
}
