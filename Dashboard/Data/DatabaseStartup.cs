using Dashboard.Auth;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Risks;
using Dashboard.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

public static class DatabaseStartup
{
    /// <summary>Migrates, makes sure the roles exist, seeds the demo into an empty database, and creates the bootstrap administrator.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Dashboard.Database");
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await DatabaseMigration.MigrateAsync(services.GetRequiredService<IDbContextFactory<DashboardDbContext>>(), services.GetRequiredService<DashboardDatabase>().File, logger);

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var db = services.GetRequiredService<DashboardDbContext>();
        if (services.GetRequiredService<DemoOptions>().Enabled && !await db.Councils.AnyAsync())
        {
            logger.LogInformation("Empty database: seeding the demo data from the progress report of 9 December 2010");
            await DemoSeed.SeedAsync(db, services.GetRequiredService<UserManager<ApplicationUser>>(), services.GetRequiredService<ScoreBandSet>());
        }

        await CreateCouncilsAsync(app.Configuration, db, logger);
        await CreateBootstrapAdministratorAsync(app.Configuration, services.GetRequiredService<UserManager<ApplicationUser>>(), db, logger);
    }

    /// <summary>A council from the "Councils" setting.</summary>
    public sealed record CouncilSetting(string Code, string Name);

    /// <summary>
    /// The councils taking part (setting "Councils", by default Bromsgrove and Redditch), created once each by code:
    /// without the demo, a council's first day needs them to host services and keep corporate registers.
    /// </summary>
    private static async Task CreateCouncilsAsync(IConfiguration configuration, DashboardDbContext db, ILogger logger)
    {
        var wanted = configuration.Bind<List<CouncilSetting>>("Councils")
            .Where(c => !string.IsNullOrWhiteSpace(c.Code) && !string.IsNullOrWhiteSpace(c.Name))
            .ToList();
        var existing = await db.Councils.Select(c => c.Code).ToListAsync();
        var missing = wanted.Where(c => !existing.Contains(c.Code.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.Councils.AddRange(missing.Select(c => new Council { Code = c.Code.Trim(), Name = c.Name.Trim() }));
        try
        {
            await db.SaveChangesAsync();
            logger.LogInformation("Created the councils {Codes}", string.Join(", ", missing.Select(c => c.Code)));
        }
        catch (DbUpdateException)
        {
            // Two servers starting together on one database: the other may have created them first.
            db.ChangeTracker.Clear();
            var now = await db.Councils.Select(c => c.Code).ToListAsync();
            if (!missing.All(c => now.Contains(c.Code.Trim(), StringComparer.OrdinalIgnoreCase)))
            {
                throw;
            }
        }
    }

    /// <summary>
    /// Without the demo, the first administrator comes from Bootstrap:AdminEmail and Bootstrap:AdminPassword
    /// (best given as environment variables), created once if no such account exists.
    /// </summary>
    private static async Task CreateBootstrapAdministratorAsync(IConfiguration configuration, UserManager<ApplicationUser> users, DashboardDbContext db, ILogger logger)
    {
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password) || await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var person = new Person { Name = email, Email = email, JobTitle = "Administrator" };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, PersonId = person.Id };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            db.People.Remove(person);
            await db.SaveChangesAsync();
            throw new StartupException($"Setting Bootstrap:AdminPassword is not accepted: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, Roles.Administrator);
        logger.LogInformation("Created the bootstrap administrator {Email}", email);
    }
}
