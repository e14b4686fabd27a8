using Dashboard.Tests.Support;

namespace Dashboard.Tests.Hosting;

/// <summary>Settings for the council's identity provider that cannot work stop the real app, naming the setting.</summary>
public sealed class CouncilIdentityProviderStartupTests
{
    [Theory]
    [InlineData("login.microsoftonline.com/council", "secret", "Setting Authentication:OpenIdConnect:Authority 'login.microsoftonline.com/council' is not a web address")]
    [InlineData("ftp://login.example.gov.uk/", "secret", "Setting Authentication:OpenIdConnect:Authority 'ftp://login.example.gov.uk/' is not a web address")]
    [InlineData("http://login.example.gov.uk/council/v2.0", "secret", "Setting Authentication:OpenIdConnect:Authority 'http://login.example.gov.uk/council/v2.0' must start with https://")]
    [InlineData("https://login.microsoftonline.com/council/v2.0", "", "Setting Authentication:OpenIdConnect:ClientSecret is empty")]
    public async Task A_bad_provider_setting_names_the_setting(string authority, string secret, string message)
    {
        var (exitCode, stderr) = await StartupErrorTests.RunAppAsync(Path.GetTempPath(), new()
        {
            ["Database__Path"] = TestDatabase.NewTemporaryPath(),
            ["Authentication__OpenIdConnect__Authority"] = authority,
            ["Authentication__OpenIdConnect__ClientId"] = "dashboard",
            ["Authentication__OpenIdConnect__ClientSecret"] = secret,
        });

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"Dashboard cannot start: {message}", stderr, StringComparison.Ordinal);
        Assert.Single(StartupErrorTests.NonEmptyLines(stderr));
    }

    [Fact]
    public async Task A_provider_without_a_client_id_names_the_setting()
    {
        var (exitCode, stderr) = await StartupErrorTests.RunAppAsync(Path.GetTempPath(), new()
        {
            ["Database__Path"] = TestDatabase.NewTemporaryPath(),
            ["Authentication__OpenIdConnect__Authority"] = "https://login.microsoftonline.com/council/v2.0",
            ["Authentication__OpenIdConnect__ClientSecret"] = "secret",
        });

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Dashboard cannot start: Setting Authentication:OpenIdConnect:ClientId is empty", stderr, StringComparison.Ordinal);
        Assert.Single(StartupErrorTests.NonEmptyLines(stderr));
    }
}
