using Dashboard.Auth;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Auth;

/// <summary>
/// Sign-in costs one password hash whether or not the email address has an account, so its timing does not tell an
/// outsider which addresses do. Counted through the app's own hasher rather than timed: a busy machine cannot fail it.
/// </summary>
public sealed class UnknownAccountSignInTests : DashboardTestContext
{
    private readonly CountingPasswordHasher hasher = new();

    public UnknownAccountSignInTests()
    {
        AccountServices.Add(Services, () => Database, () => Path.Combine(Database.Directory, "mail"));
        Services.AddAuthentication();
        Services.AddScoped<IPasswordHasher<ApplicationUser>>(_ => hasher);
    }

    private DashboardSignInManager SignIn => Services.GetRequiredService<DashboardSignInManager>();

    [Fact]
    public async Task An_unknown_address_is_checked_against_a_password_hash_as_a_real_account_is()
    {
        var signIn = SignIn;
        hasher.Verified = 0;

        Assert.Null(await signIn.FindForPasswordSignInAsync("nobody.here@bromsgrove.gov.uk", "Guessing123!"));

        Assert.Equal(1, hasher.Verified);
    }

    [Fact]
    public async Task A_real_account_with_a_wrong_password_costs_the_same_one_check()
    {
        var signIn = SignIn;
        hasher.Verified = 0;

        var user = await signIn.FindForPasswordSignInAsync(DemoAccounts.BoardMember.Email, "Guessing123!");
        var result = await signIn.CheckPasswordSignInAsync(user!, "Guessing123!", lockoutOnFailure: false);

        Assert.False(result.Succeeded);
        Assert.Equal(1, hasher.Verified);
    }

    [Fact]
    public async Task An_invited_account_without_a_password_yet_costs_the_same_one_check()
    {
        const string Email = "new.starter@bromsgrove.gov.uk";
        Assert.True((await Services.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(new ApplicationUser { UserName = Email, Email = Email })).Succeeded);
        var signIn = SignIn;
        hasher.Verified = 0;

        var user = await signIn.FindForPasswordSignInAsync(Email, "Guessing123!");
        var result = await signIn.CheckPasswordSignInAsync(user!, "Guessing123!", lockoutOnFailure: false);

        Assert.False(result.Succeeded);
        Assert.Equal(1, hasher.Verified);
    }

    /// <summary>The app's hasher, counting the verifications it is asked for.</summary>
    private sealed class CountingPasswordHasher : PasswordHasher<ApplicationUser>
    {
        public int Verified { get; set; }

        public override PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Verified++;
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
