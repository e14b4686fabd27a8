using System.Security.Claims;
using Dashboard.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Auth;

/// <summary>
/// Identity's sign-in, with the dashboard's own rule (<see cref="AccountAccess"/>) applied wherever Identity asks
/// "may this account sign in?" — password sign-in, external sign-in, and the cookie's periodic security stamp check
/// (so a deactivated person's downloads are refused too) — and the time of each sign-in kept for administrators.
/// </summary>
public sealed class DashboardSignInManager(
    UserManager<ApplicationUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    AccountAccess access,
    IDbContextFactory<DashboardDbContext> dbFactory,
    TimeProvider time,
    DecoyPasswordHash decoy)
    : SignInManager<ApplicationUser>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    /// <summary>
    /// The account a typed password is to be checked against, by email address. With no such account, or one whose
    /// password is not set yet, the password is checked against <see cref="DecoyPasswordHash"/> instead, so that every
    /// attempt costs one password hash whether or not the address has an account.
    /// </summary>
    public async Task<ApplicationUser?> FindForPasswordSignInAsync(string email, string password)
    {
        var user = await UserManager.FindByEmailAsync(email.Trim());
        if (user?.PasswordHash is null)
        {
            UserManager.PasswordHasher.VerifyHashedPassword(DecoyPasswordHash.Nobody, decoy.Hash, password);
        }

        return user;
    }

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        await base.CanSignInAsync(user) && await access.RefusalAsync(user) is null;

    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is not null && await access.RefusalAsync(user) is null ? user : null;
    }

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);

        // Bookkeeping, not a change anyone made: written past the change tracker, so it leaves no audit entry.
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignedInAt, now));
    }
}
