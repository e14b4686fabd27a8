using System.Globalization;
using Dashboard.Audit;
using Dashboard.Auth;
using Dashboard.Components.Shared;
using Dashboard.Data;
using Dashboard.Domain.Time;
using Dashboard.Export;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin;

/// <summary>
/// The audit trail as the page shows it with its filters (what changed, record, who, text, from, to), as .xlsx or .csv
/// for an auditor: one row per change, newest first, in the page's words.
/// </summary>
public static class AuditSheet
{
    /// <summary>More than a council's trail holds in its retention period; beyond it the export says it stopped.</summary>
    public const int MaxRows = 100_000;

    public static readonly string[] Headers = ["When", "Who", "What", "Record", "Changes"];

    /// <summary>GET /admin/audit/export.xlsx and …/export.csv, administrators only.</summary>
    public static WebApplication MapAuditExport(this WebApplication app)
    {
        app.MapGet("/admin/audit/export.xlsx", (HttpRequest request, IDbContextFactory<DashboardDbContext> dbFactory, ReportingClock clock, CancellationToken cancellationToken) =>
            ExportAsync(request, csv: false, dbFactory, clock, cancellationToken)).RequireAuthorization(AuthExtensions.AdministratorsOnly);
        app.MapGet("/admin/audit/export.csv", (HttpRequest request, IDbContextFactory<DashboardDbContext> dbFactory, ReportingClock clock, CancellationToken cancellationToken) =>
            ExportAsync(request, csv: true, dbFactory, clock, cancellationToken)).RequireAuthorization(AuthExtensions.AdministratorsOnly);
        return app;
    }

    /// <summary>The export address for the page's current search.</summary>
    public static string Link(AuditSearch search, string extension)
    {
        var query = new Dictionary<string, string?>
        {
            ["type"] = search.EntityType,
            ["id"] = search.EntityId,
            ["who"] = search.Actor,
            ["text"] = search.Text,
            ["from"] = search.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = search.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString($"admin/audit/export.{extension}", query.Where(q => !string.IsNullOrWhiteSpace(q.Value)));
    }

    private static async Task<IResult> ExportAsync(HttpRequest request, bool csv, IDbContextFactory<DashboardDbContext> dbFactory, ReportingClock clock, CancellationToken cancellationToken)
    {
        var (search, problem) = SearchFrom(request.Query);
        if (search is null)
        {
            return Results.BadRequest(problem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = await WriteAsync(db, search, csv, clock.Today, cancellationToken);
        return Results.File(file.Content, file.ContentType, file.Name);
    }

    /// <summary>The search in a query string; a date that is not yyyy-mm-dd is refused by name, not ignored.</summary>
    public static (AuditSearch? Search, string? Problem) SearchFrom(IQueryCollection query)
    {
        string? Text(string key) => query[key] is { Count: > 0 } values && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;
        DateOnly? from = null, to = null;
        foreach (var (key, set) in new (string, Action<DateOnly>)[] { ("from", d => from = d), ("to", d => to = d) })
        {
            if (Text(key) is not { } written)
            {
                continue;
            }

            if (!DateOnly.TryParseExact(written, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (null, $"\"{key}\" must be a date written as yyyy-mm-dd, not \"{written}\".");
            }

            set(date);
        }

        return from > to
            ? (null, "\"from\" must not be after \"to\".")
            : (new AuditSearch(Text("type"), Text("id"), Text("who"), Text("text"), from, to), null);
    }

    public static async Task<ExportedFile> WriteAsync(DashboardDbContext db, AuditSearch search, bool csv, DateOnly today, CancellationToken cancellationToken = default)
    {
        var (entries, total) = await AuditQueries.SearchAsync(db, search, 0, MaxRows, cancellationToken);
        var names = await AuditWording.RecordNamesAsync(db, entries, cancellationToken);
        var people = await AuditWording.PeopleInChangesAsync(db, entries, cancellationToken);
        var title = $"Audit trail — exported {UkFormat.Date(today)}"
            + (total > entries.Count ? $" — the newest {entries.Count:N0} of {total:N0} changes; narrow the search for the rest" : "");
        var sheet = new SheetData("Audit trail", Headers,
            [.. entries.Select(e => (IReadOnlyList<object?>)
            [
                AuditWording.When(e.At), e.Actor, $"{e.Action} {AuditWording.TypeName(e.EntityType).ToLowerInvariant()}",
                names.GetValueOrDefault((e.EntityType, e.EntityId)) ?? e.EntityId, AuditWording.ChangesText(e, people),
            ])],
            title);
        var name = $"audit-trail-{today:yyyy-MM-dd}";
        return csv
            ? new ExportedFile(name + ".csv", CsvFile.ContentType, CsvFile.Write(sheet))
            : new ExportedFile(name + ".xlsx", Spreadsheet.ContentType, Spreadsheet.Write([sheet]));
    }
}
