using Dashboard.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Auth;

/// <summary>
/// Identity's UserManager over a context the caller made (from the factory, so it knows who is saving for the audit
/// trail): account changes and the person's own changes then commit in the caller's one transaction. Never the
/// DI-scoped UserManager in an interactive page, whose context would live as long as the circuit.
/// </summary>
public sealed class UserManagers(
    IOptions<IdentityOptions> options,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger)
{
    public UserManager<ApplicationUser> For(DashboardDbContext db) =>
        new(new UserStore<ApplicationUser, IdentityRole, DashboardDbContext>(db, errors),
            options, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger);
}
