using Dashboard.Data;
using Dashboard.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Auth;

/// <summary>
/// Whether an account may be signed in at all, whatever its password: the one rule behind the sign-in page, the
/// checks of open pages and of every request's cookie, and any other way of signing in.
/// </summary>
public sealed class AccountAccess(IDbContextFactory<DashboardDbContext> dbFactory, DemoOptions demo)
{
    public const string DemoSwitchedOff = "Demo accounts are switched off on this server.";

    public const string Deactivated = "Your account has been deactivated, so you cannot sign in. If you still need the dashboard, ask an administrator to reactivate you.";

    /// <summary>Why the account may not be signed in, or null when it may.</summary>
    public async Task<string?> RefusalAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        if (user.IsDemoAccount && !demo.Enabled)
        {
            return DemoSwitchedOff;
        }

        if (user.PersonId is not { } personId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deactivated = await db.People.AnyAsync(p => p.Id == personId && p.DeactivatedAt != null, cancellationToken);
        return deactivated ? Deactivated : null;
    }
}
