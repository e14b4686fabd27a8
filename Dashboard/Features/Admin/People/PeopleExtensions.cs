using Dashboard.Auth;
using Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin.People;

public static class PeopleExtensions
{
    /// <summary>The people and accounts pages' queries and commands.</summary>
    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PeopleQueries>();
        builder.Services.AddScoped<PeopleCommands>();
        builder.Services.AddScoped<PeopleImport>();
        builder.Services.AddScoped<PersonalData>();
        return builder;
    }

    /// <summary>An administrator's download of everything held about one person (a subject access request).</summary>
    public static WebApplication MapPersonalDataExport(this WebApplication app)
    {
        app.MapGet("/admin/people/{personId:int}/personal-data.json", async (int personId, IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider time, CancellationToken cancellationToken) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await PersonalData.ExportAsync(db, personId, time.GetUtcNow(), cancellationToken) is { } export
                ? Results.File(export, "application/json", $"personal-data-{personId}.json")
                : Results.NotFound();
        }).RequireAuthorization(AuthExtensions.AdministratorsOnly);
        return app;
    }
}
