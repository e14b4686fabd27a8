using System.Security.Claims;
using Dashboard.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Auth;

/// <summary>Puts the person behind an account (id and name) into the sign-in cookie.</summary>
public sealed class DashboardClaimsFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    IDbContextFactory<DashboardDbContext> dbFactory)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string PersonIdClaim = "dashboard:person_id";
    public const string DisplayNameClaim = "dashboard:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.PersonId is { } personId)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var name = await db.People.Where(p => p.Id == personId).Select(p => p.Name).SingleOrDefaultAsync();
            identity.AddClaim(new Claim(PersonIdClaim, personId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (name is not null)
            {
                identity.AddClaim(new Claim(DisplayNameClaim, name));
            }
        }

        return identity;
    }
}
