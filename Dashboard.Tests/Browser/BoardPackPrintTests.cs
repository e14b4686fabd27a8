using System.Text;
using System.Text.RegularExpressions;
using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

public sealed partial class BoardPackPrintTests(AppWithBrowser fixture) : IClassFixture<AppWithBrowser>
{
    [Fact]
    public async Task The_pack_prints_to_a_multi_page_A4_pdf_without_the_app_chrome()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.Administrator.Email, DemoAccounts.Administrator.Password);
        await page.GotoAsync("/reports/board-pack");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Appendix A. Risks — Shared Services Programme" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByText("Meeting of 9 December 2010")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print or save as PDF" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByText("Shared Services Dashboard", new() { Exact = true })).ToBeHiddenAsync();

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        var pages = PageObject().Count(Encoding.Latin1.GetString(pdf));
        Assert.True(pages > 1, $"The printed pack has {pages} page(s).");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_excel_export_downloads_for_a_signed_in_user_and_nobody_else()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);
        await AppWithBrowser.OpenAsync(page, "/reports/board-pack");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export to Excel" }).ClickAsync());
        Assert.Equal("board-pack-2010-12-09.xlsx", download.SuggestedFilename);

        var missing = await page.APIRequest.GetAsync("/reports/board-pack/9999/excel");
        Assert.Equal(404, missing.Status);
        await page.Context.CloseAsync();

        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.App.BaseUrl) };
        using var response = await anonymous.GetAsync("/reports/board-pack/1/excel", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PageObject();
}
