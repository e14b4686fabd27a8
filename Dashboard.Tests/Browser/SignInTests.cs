using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

public sealed class SignInTests(AppWithBrowser fixture) : IClassFixture<AppWithBrowser>
{
    [Fact]
    public async Task A_board_member_signs_in_and_sees_the_live_services()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board dashboard" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table:has(caption:text-is('Live shared services')) tr[data-service]")).ToHaveCountAsync(9);
        await Assertions.Expect(page.Locator("table:has(caption:text-is('Shared services projects underway')) tr[data-service]")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("tr[data-service='Elections']")).ToContainTextAsync("Green");
        await Assertions.Expect(page.GetByText("Cllr Jordan Ellis")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Nobody_signed_in_is_sent_to_sign_in_from_any_page()
    {
        Support.Browser.RequireChromium();
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl });
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "/", "/risks", "/admin" })
        {
            await page.GotoAsync(path);
            Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        }

        await context.CloseAsync();
    }

    [Theory]
    [InlineData("/performance/figures.csv")]
    [InlineData("/performance/figures.xlsx")]
    [InlineData("/risks/registers/1/export.csv")]
    [InlineData("/risks/registers/1/export.xlsx")]
    [InlineData("/reports/board-pack/1/excel")]
    [InlineData("/admin/people/export.xlsx")]
    [InlineData("/admin/services/export.xlsx")]
    [InlineData("/admin/audit/export.csv")]
    public async Task Nobody_signed_in_can_download_a_file(string path)
    {
        Support.Browser.RequireChromium();
        var anonymous = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl });

        var refused = await anonymous.APIRequest.GetAsync(path, new() { MaxRedirects = 0 });

        Assert.Equal(302, refused.Status);
        Assert.Contains("/sign-in", refused.Headers["location"], StringComparison.Ordinal);
        Assert.DoesNotContain("NI 191", await refused.TextAsync(), StringComparison.Ordinal);
        await anonymous.CloseAsync();
    }

    [Fact]
    public async Task A_board_member_downloads_the_pi_figures_in_the_shape_the_import_reads()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);

        var csv = await page.APIRequest.GetAsync("/performance/figures.csv");

        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        var lines = (await csv.TextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("NI 191,BDC,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("NI 191,RBC,", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message()
    {
        Support.Browser.RequireChromium();
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoAccounts.BoardMember.Email);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email address or password is not right.");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task After_signing_out_a_copy_of_the_sign_in_cookie_is_refused_at_once()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.ReportOwner.Email, DemoAccounts.ReportOwner.Password);
        await AppWithBrowser.WaitUntilInteractiveAsync(page);

        // Someone copies the cookies out of the browser (a shared computer, a proxy log) into their own.
        var copied = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl });
        await copied.AddCookiesAsync((await page.Context.CookiesAsync()).Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        Assert.Equal(200, (await copied.APIRequest.GetAsync("/performance/figures.csv", new() { MaxRedirects = 0 })).Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Dana Hughes: account menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/sign-in", StringComparison.Ordinal));

        // Well within the cookie's life and the revalidation interval, the copy no longer works.
        var refused = await copied.APIRequest.GetAsync("/performance/figures.csv", new() { MaxRedirects = 0 });
        Assert.Equal(302, refused.Status);
        Assert.Contains("/sign-in", refused.Headers["location"], StringComparison.Ordinal);
        var copiedPage = await copied.NewPageAsync();
        await copiedPage.GotoAsync("/");
        await Assertions.Expect(copiedPage.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await copied.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/admin/people/export.xlsx")]
    [InlineData("/admin/services/export.xlsx")]
    [InlineData("/admin/audit/export.xlsx")]
    public async Task Only_an_administrator_downloads_the_people_and_services_lists_and_the_audit_trail(string path)
    {
        var manager = await fixture.SignedInPageAsync(DemoAccounts.ServiceManager.Email, DemoAccounts.ServiceManager.Password);
        var refused = await manager.APIRequest.GetAsync(path, new() { MaxRedirects = 0 });
        var administrator = await fixture.SignedInPageAsync(DemoAccounts.Administrator.Email, DemoAccounts.Administrator.Password);
        var list = await administrator.APIRequest.GetAsync(path);

        Assert.NotEqual(200, refused.Status);
        Assert.DoesNotContain("spreadsheetml", refused.Headers.GetValueOrDefault("content-type") ?? "", StringComparison.Ordinal);
        Assert.Equal(200, list.Status);
        Assert.Contains("spreadsheetml", list.Headers["content-type"], StringComparison.Ordinal);
        await manager.Context.CloseAsync();
        await administrator.Context.CloseAsync();
    }

    [Fact]
    public async Task A_board_member_cannot_open_the_admin_page()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);
        foreach (var path in new[] { "/admin", "/admin/audit", "/performance/new", "/admin/people/import", "/admin/services/import" })
        {
            var response = await page.GotoAsync(path);
            await Assertions.Expect(page.GetByText("You do not have access to this page.")).ToBeVisibleAsync();
            // The refusal is an HTTP 403 too, for proxies, monitoring and anything else that reads the status.
            Assert.Equal(403, response!.Status);
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
