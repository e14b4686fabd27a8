using Dashboard.Hosting;

namespace Dashboard.Auth;

/// <summary>The "Authentication" settings for local accounts: how soon a change reaches open sessions, and how long emailed links work.</summary>
public sealed class AccountSettings
{
    /// <summary>
    /// How often an open page (a Blazor circuit) and a signed-in browser's cookie are checked against the account:
    /// a deactivated person, changed roles or a new password end other sessions within this time.
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the "set your password" link in an invitation works.</summary>
    public TimeSpan InvitationLinkLifespan { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a password reset link works, whether the person asked for it or an administrator sent it.</summary>
    public TimeSpan PasswordResetLinkLifespan { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Reads the section, failing start-up with the setting's name when a value cannot work.</summary>
    public static AccountSettings Read(IConfiguration configuration)
    {
        var settings = configuration.Bind<AccountSettings>("Authentication");
        Check(nameof(RevalidationInterval), settings.RevalidationInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
        Check(nameof(InvitationLinkLifespan), settings.InvitationLinkLifespan, TimeSpan.FromMinutes(5), TimeSpan.FromDays(60));
        Check(nameof(PasswordResetLinkLifespan), settings.PasswordResetLinkLifespan, TimeSpan.FromMinutes(5), TimeSpan.FromDays(60));
        return settings;
    }

    private static void Check(string name, TimeSpan value, TimeSpan least, TimeSpan most)
    {
        if (value < least || value > most)
        {
            throw new StartupException($"Setting Authentication:{name} must be from {least:c} to {most:c} (written d.hh:mm:ss), not {value:c}.");
        }
    }
}
