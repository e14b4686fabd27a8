using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Auth;

/// <summary>
/// The hash of a random password no account has, made once with the app's own password hasher, for sign-in to verify
/// a typed password against when there is no account (or no password yet): the attempt then costs the same hashing as
/// a real account's, so how long sign-in takes does not tell an outsider which email addresses have accounts.
/// </summary>
public sealed class DecoyPasswordHash
{
    private DecoyPasswordHash(string hash) => Hash = hash;

    public string Hash { get; }

    /// <summary>Nobody: the account the decoy hash is made and checked for.</summary>
    public static ApplicationUser Nobody { get; } = new();

    public static DecoyPasswordHash Create(IServiceProvider services)
    {
        // Identity's hasher is scoped; the same hasher (and its iteration count) as real accounts is what makes the cost equal.
        using var scope = services.CreateScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<ApplicationUser>>();
        return new DecoyPasswordHash(hasher.HashPassword(Nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(32))));
    }
}
