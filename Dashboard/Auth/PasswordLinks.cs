using System.Text;
using Dashboard.Features.Reminders;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Auth;

/// <summary>What a "set your password" link was sent for: each kind has its own token and lifespan.</summary>
public enum PasswordLinkKind
{
    Invitation = 1,
    Reset = 2,
}

/// <summary>
/// One-time "set your password" links made from Identity's own tokens. A token carries the account's security stamp,
/// which changes when the password is set, so each link works once; and it expires after its lifespan.
/// </summary>
public sealed class PasswordLinks(ReminderRules site, AccountSettings settings, TimeProvider time)
{
    public const string SetPasswordPath = "account/set-password";

    public const string ForgotPasswordPath = "account/forgot-password";

    /// <summary>A fresh link for the account as it stands (its current security stamp), and when it stops working.</summary>
    public async Task<(Uri Link, DateTimeOffset Expires)> CreateAsync(UserManager<ApplicationUser> users, ApplicationUser user, PasswordLinkKind kind)
    {
        var token = kind == PasswordLinkKind.Invitation
            ? await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose)
            : await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var query = $"{SetPasswordPath}?kind={(kind == PasswordLinkKind.Invitation ? "invitation" : "reset")}&user={Uri.EscapeDataString(user.Id)}&code={code}";
        return (new Uri(site.SiteAddress, query), time.GetUtcNow() + Lifespan(kind));
    }

    public TimeSpan Lifespan(PasswordLinkKind kind) =>
        kind == PasswordLinkKind.Invitation ? settings.InvitationLinkLifespan : settings.PasswordResetLinkLifespan;

    public Uri ForgotPasswordPage => new(site.SiteAddress, ForgotPasswordPath);

    public static PasswordLinkKind? KindOf(string? kind) => kind switch
    {
        "invitation" => PasswordLinkKind.Invitation,
        "reset" => PasswordLinkKind.Reset,
        _ => null,
    };

    /// <summary>Whether the link's token still works for the account: not expired, not used, not superseded.</summary>
    public static async Task<bool> IsValidAsync(UserManager<ApplicationUser> users, ApplicationUser user, PasswordLinkKind kind, string code)
    {
        if (Decode(code) is not { } token)
        {
            return false;
        }

        return kind == PasswordLinkKind.Invitation
            ? await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token)
            : await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token);
    }

    /// <summary>
    /// Sets the password the link was for: Identity's reset (its password rules, a new security stamp so the link and
    /// any other session stop working). Following the link proves the mailbox, so the address counts as confirmed
    /// and any lockout ends. The caller checks the link first and commits the transaction.
    /// </summary>
    public static async Task<IdentityResult> SetPasswordAsync(UserManager<ApplicationUser> users, ApplicationUser user, PasswordLinkKind kind, string code, string password)
    {
        var token = kind == PasswordLinkKind.Invitation
            ? await users.GeneratePasswordResetTokenAsync(user)
            : Decode(code) ?? "";
        user.EmailConfirmed = true;
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result;
        }

        if (user.LockoutEnd is not null)
        {
            result = await users.SetLockoutEndDateAsync(user, null);
        }

        return result.Succeeded ? await users.ResetAccessFailedCountAsync(user) : result;
    }

    private static string? Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
