using System.Globalization;
using System.Security.Claims;
using Dashboard.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Support;

/// <summary>
/// A demo person as the server sees them, the way the app's cookie describes them (name, person id, roles), for calling
/// commands directly as that person beside a page signed in as someone else.
/// </summary>
public static class TestUsers
{
    public static async Task<CurrentUser> CurrentUserAsync(TestDatabase database, string personName, params string[] roles)
    {
        await using var db = await database.OpenAsync();
        var personId = await db.People.Where(p => p.Name == personName).Select(p => p.Id).SingleAsync();
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, personName),
            new(DashboardClaimsFactory.PersonIdClaim, personId.ToString(CultureInfo.InvariantCulture)),
            new(DashboardClaimsFactory.DisplayNameClaim, personName),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new CurrentUser(new Fixed(new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"))));
    }

    private sealed class Fixed(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
