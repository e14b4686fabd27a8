using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Auth;

/// <summary>The invitation's lifespan (<see cref="AccountSettings.InvitationLinkLifespan"/>), apart from password resets'.</summary>
public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions;

/// <summary>
/// Identity's own data-protected token, under a name and lifespan of its own: like a reset token it carries the
/// account's security stamp, so it stops working once the password is set or a fresh invitation is sent.
/// </summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "Invitation";

    /// <summary>What the token is for, so an invitation token cannot be used for anything else.</summary>
    public const string Purpose = "SetFirstPassword";
}
