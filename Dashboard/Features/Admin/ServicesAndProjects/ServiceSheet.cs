using Dashboard.Auth;
using Dashboard.Components.Shared;
using Dashboard.Data;
using Dashboard.Domain.Services;
using Dashboard.Domain.Time;
using Dashboard.Export;
using Dashboard.Import;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin.ServicesAndProjects;

/// <summary>
/// The services and projects as a spreadsheet, in the board report's order: the shape the import reads and the
/// download writes, so the download of an empty dashboard is the blank template.
/// </summary>
public static class ServiceSheet
{
    public const string Name = "Name";
    public const string Table = "Board report table";
    public const string Arrangement = "Arrangement";
    public const string HostingCouncil = "Hosting council";
    public const string Provider = "Received from";
    public const string Manager = "Manager";
    public const string Director = "Director";
    public const string Description = "Description";
    public const string ProjectStarted = "Project started";
    public const string GoLive = "Go-live";

    public static IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(Name, Required: true), new(Table, Required: true), new(Arrangement, Required: true), new(HostingCouncil), new(Provider),
        new(Manager, Required: true), new(Director), new(Description), new(ProjectStarted), new(GoLive),
    ];

    /// <summary>GET /admin/services/export.xlsx, administrators only.</summary>
    public static WebApplication MapServiceExport(this WebApplication app)
    {
        app.MapGet("/admin/services/export.xlsx", async (IDbContextFactory<DashboardDbContext> dbFactory, ReportingClock clock, CancellationToken cancellationToken) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var file = await WriteAsync(db, clock.Today, cancellationToken);
            return Results.File(file.Content, file.ContentType, file.Name);
        }).RequireAuthorization(AuthExtensions.AdministratorsOnly);
        return app;
    }

    /// <summary>Every service and project in the board report's order, archived ones last.</summary>
    public static async Task<ExportedFile> WriteAsync(DashboardDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var services = await db.SharedServices.AsNoTracking().Include(s => s.HostCouncil).Include(s => s.Owner).Include(s => s.Director).ToListAsync(cancellationToken);
        var sheet = new SheetData(
            "Services and projects",
            [.. Columns.Select(c => c.Heading)],
            [.. services.OrderBy(s => s.IsArchived).ThenBy(s => ReportOrder.SectionOf(s.Phase, s.Arrangement)).ThenBy(s => s.Order).ThenBy(s => s.Id)
                .Select(s => (IReadOnlyList<object?>)
                [
                    s.Name, ServiceWords.Label(s.Phase), ServiceWords.Label(s.Arrangement), s.HostCouncil?.Code, s.ProviderName,
                    s.Owner?.Name, s.Director?.Name, s.Description, s.ProjectStartDate, s.GoLiveDate,
                ])],
            $"Services and projects — {UkFormat.Date(today)}");
        return new ExportedFile($"services-and-projects-{today:yyyy-MM-dd}.xlsx", Spreadsheet.ContentType, Spreadsheet.Write([sheet]));
    }
}
