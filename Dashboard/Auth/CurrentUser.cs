using System.Globalization;
using System.Security.Claims;
using Dashboard.Domain.Organisation;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Auth;

/// <summary>
/// Who is using this circuit, and what they may change. Every write checks here on the server:
/// hiding a button is never the only protection.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authState)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authState.GetAuthenticationStateAsync()).User;

    public async Task<int?> PersonIdAsync() => PersonIdOf(await PrincipalAsync());

    public static int? PersonIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(DashboardClaimsFactory.PersonIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string DisplayNameOf(ClaimsPrincipal user) =>
        user.FindFirstValue(DashboardClaimsFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "Unknown user";

    public async Task<bool> IsAdministratorAsync() => (await PrincipalAsync()).IsInRole(Roles.Administrator);

    /// <summary>
    /// Administrators may change anything; managers and report owners only what they own;
    /// board members nothing.
    /// </summary>
    public async Task<bool> CanEditAsync(int ownerPersonId) => CanEdit(await PrincipalAsync(), ownerPersonId);

    public static bool CanEdit(ClaimsPrincipal user, int ownerPersonId)
    {
        if (user.IsInRole(Roles.Administrator))
        {
            return true;
        }

        var isEditor = user.IsInRole(Roles.ServiceManager) || user.IsInRole(Roles.ReportOwner);
        return isEditor && PersonIdOf(user) == ownerPersonId;
    }
}
