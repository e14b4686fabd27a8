using Dashboard.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Auth;

/// <summary>
/// Refuses a sign-in cookie on the very next request once its account's security stamp has moved on — which signing
/// out does (see <see cref="AuthExtensions.MapSignOut"/>), so a copy of the cookie taken before sign-out stops working
/// at once rather than for the rest of its 10 hours.
/// </summary>
/// <remarks>
/// Identity's own check (<see cref="SecurityStampValidator"/>) only runs every <see cref="AccountSettings.RevalidationInterval"/>.
/// Running it on every request (an interval of zero) would also rebuild the person's roles and claims and re-issue the
/// cookie on every response; this asks only for the stamp, by primary key — one small query per request — and leaves
/// the full check (deactivation, roles, renewing the cookie) to its interval.
/// </remarks>
internal static class SignedOutCookies
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> periodicCheck)
    {
        var services = context.HttpContext.RequestServices;
        var claimTypes = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirst(claimTypes.UserIdClaimType)?.Value;
        var stamp = context.Principal?.FindFirst(claimTypes.SecurityStampClaimType)?.Value;
        if (userId is not null && stamp is not null)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync(context.HttpContext.RequestAborted);
            var current = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (current != stamp)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
        }

        await periodicCheck(context);
    }
}
