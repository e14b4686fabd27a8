using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Dashboard.Email;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Auth;

/// <summary>
/// "Forgot password?": the page answers the same way, in about the same time, whether or not the address has an
/// account — the lookup is the same work either way and the email itself is sent by a background job.
/// </summary>
public sealed class ForgotPassword(UserManager<ApplicationUser> users, IBackgroundJobClient jobs)
{
    public async Task RequestAsync(string email)
    {
        if (await users.FindByEmailAsync(email.Trim()) is { } user)
        {
            jobs.Enqueue<PasswordResetJob>(job => job.SendAsync(user.Id, CancellationToken.None));
        }
    }
}

/// <summary>Emails a person who asked for it a fresh password reset link, if their account may still have one.</summary>
public sealed class PasswordResetJob(
    IDbContextFactory<DashboardDbContext> dbFactory,
    UserManagers managers,
    PasswordLinks links,
    IEmailSender email,
    TimeProvider time,
    ILogger<PasswordResetJob> log)
{
    // A mail server that is down for a while still gets the message; a link sent late still works for its lifespan.
    [AutomaticRetry(Attempts = 5)]
    public async Task SendAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var users = managers.For(db);
        var user = await db.Users.Include(u => u.Person).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user?.Email is not { } address)
        {
            return;
        }

        var state = Accounts.StateOf(user, user.Person, time.GetUtcNow());
        if (!AccountStates.CanResetPassword(state))
        {
            // Deactivated, or never invited: the page said the same as for an unknown address, and nothing goes out.
            log.LogInformation("Password reset asked for account {UserId} ({State}); no link sent.", userId, state);
            return;
        }

        var (link, expires) = await links.CreateAsync(users, user, PasswordLinkKind.Reset);
        var words = AccountEmails.PasswordReset(user.Person?.Name ?? address, address, sentBy: null, link, expires, links.ForgotPasswordPage);
        await email.SendAsync(AccountEmails.Message(link, address, words), cancellationToken);
        log.LogInformation("Sent a password reset link to {Email} (account {UserId}), as they asked.", address, userId);
    }
}

/// <summary>The account's state as administrators see it, from the account and its person.</summary>
public static class Accounts
{
    public static AccountState StateOf(ApplicationUser? user, Person? person, DateTimeOffset now) =>
        AccountStates.Of(
            person?.DeactivatedAt is null,
            user is null ? null : new AccountFacts(user.PasswordHash is not null, user.InvitedAt, user.LastSignedInAt, user.LockoutEnd),
            now);
}
