using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Auth;

/// <summary>
/// Re-checks a connected circuit's user every <see cref="AccountSettings.RevalidationInterval"/>, so a deactivated
/// person, changed roles, a new password or a switched-off demo end the session rather than living on with the open
/// dashboard. The check is the sign-in cookie's own (<see cref="DashboardSignInManager.ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal)"/>).
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    AccountSettings settings)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => settings.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        return await signIn.ValidateSecurityStampAsync(state.User) is not null;
    }
}
