using Dashboard.Auth;
using Dashboard.Domain.Audit;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Audit;

/// <summary>
/// Finds who is saving: the circuit's signed-in user in interactive pages, the request's user in plain
/// HTTP endpoints, otherwise the system (start-up, scheduled jobs).
/// </summary>
public sealed class AuditActorSource(IServiceProvider scope)
{
    public async Task<AuditActor> CurrentAsync()
    {
        var principal = await CircuitUserAsync() ?? scope.GetService<IHttpContextAccessor>()?.HttpContext?.User;
        return principal?.Identity?.IsAuthenticated == true
            ? new AuditActor(CurrentUser.DisplayNameOf(principal), CurrentUser.PersonIdOf(principal))
            : AuditActor.System;
    }

    private async Task<System.Security.Claims.ClaimsPrincipal?> CircuitUserAsync()
    {
        if (scope.GetService<AuthenticationStateProvider>() is not { } provider)
        {
            return null;
        }

        try
        {
            return (await provider.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Outside a circuit (start-up, jobs, minimal API endpoints) there is no authentication state to read.
            return null;
        }
    }
}
