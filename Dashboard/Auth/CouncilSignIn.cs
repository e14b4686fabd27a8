using Dashboard.Data;
using Dashboard.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Auth;

/// <summary>How a sign-in through the council's identity provider ended.</summary>
/// <param name="Refusal">Why nobody was signed in; null when the person is now signed in.</param>
/// <param name="ProviderEmail">The address the provider vouched for, when it gave one.</param>
/// <param name="PersonName">The dashboard's name for the person the address belongs to, when there is one.</param>
public sealed record CouncilSignInOutcome(CouncilSignInRefusal? Refusal, string? ProviderEmail = null, string? PersonName = null)
{
    public bool SignedIn => Refusal is null;
}

/// <summary>
/// Finishes a sign-in the council's identity provider has vouched for: matches the address it gave to a person
/// with a dashboard account, and signs them in with the ordinary dashboard cookie, so their roles, security stamp
/// and circuit revalidation are exactly those of a password sign-in. Nothing about roles comes from the provider.
/// </summary>
public sealed class CouncilSignIn(
    SignInManager<ApplicationUser> signInManager,
    IDbContextFactory<DashboardDbContext> dbFactory,
    DemoOptions demo,
    ILogger<CouncilSignIn> logger)
{
    /// <summary>Recorded in the cookie ("amr") so an audit can tell how someone signed in.</summary>
    public const string AuthenticationMethod = "council-identity-provider";

    public async Task<CouncilSignInOutcome> FinishAsync(HttpContext http)
    {
        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is null)
        {
            return new CouncilSignInOutcome(CouncilSignInRefusal.NothingInProgress);
        }

        // The provider's word is used once: whatever happens next, the short-lived external cookie goes.
        await http.SignOutAsync(IdentityConstants.ExternalScheme);

        var email = CouncilSignInRules.ProviderEmail(external.Principal);
        if (email is null)
        {
            logger.LogWarning(
                "Sign-in through the council's identity provider refused: it gave no email address for subject {Subject} ({Name})",
                external.Principal.FindFirst("sub")?.Value, external.Principal.FindFirst("name")?.Value);
            return new CouncilSignInOutcome(CouncilSignInRefusal.NoEmail);
        }

        var match = await FindAccountAsync(email);
        var outcome = match.Refusal is { } refusal
            ? new CouncilSignInOutcome(refusal, email, match.PersonName)
            : await SignInAsync(match.User!, email, match.PersonName);
        if (outcome.Refusal is { } refused)
        {
            logger.LogWarning("Sign-in through the council's identity provider refused for {Email}: {Reason}", email, refused);
        }

        return outcome;
    }

    private async Task<CouncilSignInOutcome> SignInAsync(ApplicationUser user, string email, string? personName)
    {
        if (user.IsDemoAccount && !demo.Enabled)
        {
            return new CouncilSignInOutcome(CouncilSignInRefusal.DemoAccount, email, personName);
        }

        if (await signInManager.UserManager.IsLockedOutAsync(user))
        {
            return new CouncilSignInOutcome(CouncilSignInRefusal.LockedOut, email, personName);
        }

        await signInManager.SignInAsync(user, isPersistent: false, AuthenticationMethod);
        logger.LogInformation("{Account} signed in through the council's identity provider, which vouched for {Email}", user.Email, email);
        return new CouncilSignInOutcome(null, email, personName);
    }

    private sealed record AccountMatch(ApplicationUser? User, string? PersonName, CouncilSignInRefusal? Refusal);

    /// <summary>
    /// The account whose email is the address (any letter case), or else the account of the person whose
    /// email it is: both are "the person's address" to a council user.
    /// </summary>
    private async Task<AccountMatch> FindAccountAsync(string email)
    {
        var users = signInManager.UserManager;
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var lowered = email.ToLowerInvariant();
#pragma warning disable CA1862 // string.Equals with a StringComparison has no SQL translation; lower() does, on SQLite and PostgreSQL.
            var people = await db.People
                .Where(p => p.Email != null && p.Email.ToLower() == lowered)
#pragma warning restore CA1862
                .OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.Name })
                .ToListAsync();
            if (people.Count == 0)
            {
                return new AccountMatch(null, null, CouncilSignInRefusal.UnknownEmail);
            }

            var ids = people.Select(p => (int?)p.Id).ToList();
            var accountId = await db.Users.Where(u => ids.Contains(u.PersonId)).OrderBy(u => u.PersonId).Select(u => u.Id).FirstOrDefaultAsync();
            user = accountId is null ? null : await users.FindByIdAsync(accountId);
            if (user is null)
            {
                return new AccountMatch(null, people[0].Name, CouncilSignInRefusal.NoAccount);
            }
        }

        var person = await db.People
            .Where(p => p.Id == user.PersonId)
            .Select(p => new { p.Name, p.DeactivatedAt })
            .SingleOrDefaultAsync();
        return person?.DeactivatedAt is not null
            ? new AccountMatch(null, person.Name, CouncilSignInRefusal.Deactivated)
            : new AccountMatch(user, person?.Name, null);
    }
}
