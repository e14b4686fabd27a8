using Dashboard.Auth;
using Dashboard.Components.Shared;
using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Time;
using Dashboard.Export;
using Dashboard.Import;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin.People;

/// <summary>
/// The people list as a spreadsheet: the shape the import reads and the download writes, so the download of an empty
/// dashboard is the blank template and the download of a full one imports back unchanged.
/// </summary>
public static class PeopleSheet
{
    public const string Name = "Name";
    public const string Email = "Email";
    public const string JobTitle = "Job title";
    public const string Council = "Council";
    public const string Director = "Director";
    public const string Roles = "Roles";

    public static IReadOnlyList<ImportColumn> Columns { get; } =
        [new(Name, Required: true), new(Email, Required: true), new(JobTitle), new(Council), new(Director), new(Roles)];

    /// <summary>GET /admin/people/export.xlsx, administrators only.</summary>
    public static WebApplication MapPeopleExport(this WebApplication app)
    {
        app.MapGet("/admin/people/export.xlsx", async (IDbContextFactory<DashboardDbContext> dbFactory, ReportingClock clock, CancellationToken cancellationToken) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var file = await WriteAsync(db, clock.Today, cancellationToken);
            return Results.File(file.Content, file.ContentType, file.Name);
        }).RequireAuthorization(AuthExtensions.AdministratorsOnly);
        return app;
    }

    /// <summary>Everyone with an email address (rows are matched by it), by name, with the roles their account holds.</summary>
    public static async Task<ExportedFile> WriteAsync(DashboardDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var people = await db.People.AsNoTracking().Where(p => p.Email != null).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Email, p.JobTitle, Council = p.Council!.Code, Director = p.Director!.Name })
            .ToListAsync(cancellationToken);
        var roles = (await (from account in db.Users
                            join userRole in db.UserRoles on account.Id equals userRole.UserId
                            join role in db.Roles on userRole.RoleId equals role.Id
                            where account.PersonId != null
                            select new { PersonId = account.PersonId!.Value, role.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.PersonId, r => r.Name!);
        var sheet = new SheetData(
            "People",
            [.. Columns.Select(c => c.Heading)],
            [.. people.Select(p => (IReadOnlyList<object?>)
                [p.Name, p.Email, p.JobTitle, p.Council, p.Director, string.Join(", ", Domain.Organisation.Roles.All.Where(roles[p.Id].Contains))])],
            $"People — {UkFormat.Date(today)}");
        return new ExportedFile($"people-{today:yyyy-MM-dd}.xlsx", Spreadsheet.ContentType, Spreadsheet.Write([sheet]));
    }
}
