using System.Net.Mail;
using System.Security.Claims;

namespace Dashboard.Auth;

/// <summary>Why a sign-in through the council's identity provider did not sign anyone in.</summary>
public enum CouncilSignInRefusal
{
    /// <summary>The provider vouched for someone but gave no email address to match.</summary>
    NoEmail,

    /// <summary>Nobody on the dashboard has the address the provider gave.</summary>
    UnknownEmail,

    /// <summary>A person on the dashboard has the address, but no sign-in account.</summary>
    NoAccount,

    /// <summary>The person was switched off by an administrator.</summary>
    Deactivated,

    /// <summary>The address belongs to a demo account and the demo is off.</summary>
    DemoAccount,

    /// <summary>The account is locked after too many wrong passwords.</summary>
    LockedOut,

    /// <summary>The user cancelled at the provider, or the provider refused (OAuth "access_denied").</summary>
    Cancelled,

    /// <summary>The provider answered with an error, or its answer could not be checked.</summary>
    ProviderError,

    /// <summary>The provider's metadata could not be read, so the sign-in never started.</summary>
    ProviderUnreachable,

    /// <summary>The finish page was opened with no provider sign-in in progress (opened again, or it took too long).</summary>
    NothingInProgress,
}

/// <summary>The rules for matching what the council's identity provider says to a dashboard account.</summary>
public static class CouncilSignInRules
{
    /// <summary>
    /// The claims that may carry the person's address, in the order they are trusted: "email" when the provider
    /// releases it; otherwise Entra ID's sign-in name (preferred_username, or upn in v1 tokens), which for a
    /// council's staff is their email address.
    /// </summary>
    public static IReadOnlyList<string> EmailClaimTypes { get; } = ["email", "preferred_username", "upn"];

    /// <summary>The address the provider gave, or null when none of its claims holds an email address.</summary>
    public static string? ProviderEmail(ClaimsPrincipal principal)
    {
        foreach (var type in EmailClaimTypes)
        {
            var value = principal.FindFirst(type)?.Value.Trim();
            if (IsEmailAddress(value))
            {
                return value;
            }
        }

        return null;
    }

    private static bool IsEmailAddress(string? value) =>
        !string.IsNullOrEmpty(value)
        && MailAddress.TryCreate(value, out var address)
        && string.Equals(address.Address, value, StringComparison.Ordinal);

    /// <summary>The word carried in the finish page's address for a failure that happened at the provider.</summary>
    public static string FailureCode(CouncilSignInRefusal refusal) => refusal switch
    {
        CouncilSignInRefusal.Cancelled => "cancelled",
        CouncilSignInRefusal.ProviderUnreachable => "unreachable",
        _ => "provider-error",
    };

    /// <summary>
    /// Reads the failure word back. Only these three words exist, so a hand-made link cannot put
    /// words of its own on the page.
    /// </summary>
    public static CouncilSignInRefusal? FromFailureCode(string? code) => code switch
    {
        null or "" => null,
        "cancelled" => CouncilSignInRefusal.Cancelled,
        "unreachable" => CouncilSignInRefusal.ProviderUnreachable,
        _ => CouncilSignInRefusal.ProviderError,
    };
}
