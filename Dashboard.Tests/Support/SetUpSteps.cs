using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;

namespace Dashboard.Tests.Support;

/// <summary>
/// What an administrator does in the browser to set a council up, and what an invited person does with their
/// email, written once for every test that starts from an empty database.
/// </summary>
public static partial class SetUpSteps
{
    /// <summary>A MudSelect is a button-like input that opens a list of options.</summary>
    public static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true })).ToHaveCountAsync(0);
    }

    /// <summary>Adds a live service (hosted by a council, or received) or a project underway on /admin/services.</summary>
    public static async Task AddServiceAsync(IPage page, string name, bool project, string? host, string manager)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a service or project" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Add a service or project");
        await AppWithBrowser.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        if (project)
        {
            await page.GetByRole(AriaRole.Radio, new() { Name = "Project underway" }).CheckAsync();
            var start = page.GetByLabel("Project start");
            await start.FillAsync("1 Apr 2026");
            await start.PressAsync("Tab");
            await Assertions.Expect(start).ToHaveValueAsync("1 Apr 2026");
        }

        if (host is not null)
        {
            await ChooseAsync(page, "Hosting council", host);
        }

        await ChooseAsync(page, "Manager (keeps its status card)", manager);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Services and projects");
        await Assertions.Expect(page.Locator($"tr[data-service='{name}']")).ToBeVisibleAsync();
    }

    /// <summary>Adds a savings line on the open /savings page; ends when the line is listed.</summary>
    public static async Task AddSavingsLineAsync(IPage page, string council, string description, string owner, string target, string forecast)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a savings line" }).ClickAsync();
        await ChooseAsync(page, "Council", council);
        await page.GetByLabel("Description").FillAsync(description);
        await ChooseAsync(page, "Owner", owner);
        await page.GetByLabel("Target (£)").FillAsync(target);
        await page.GetByLabel("Forecast (£)").FillAsync(forecast);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add savings line" }).ClickAsync();
        await Assertions.Expect(page.Locator(".savings-lines tbody tr", new() { HasText = description })).ToHaveCountAsync(1);
    }

    /// <summary>Adds an annual, higher-is-better percentage indicator on /performance/new; ends on its page, interactive.</summary>
    public static async Task AddAnnualPercentageIndicatorAsync(IPage page, string reference, string description, string reportedBy)
    {
        await AppWithBrowser.OpenAsync(page, "/performance/new");
        await page.GetByLabel("Reference", new() { Exact = true }).FillAsync(reference);
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync(description);
        await page.GetByLabel("Unit", new() { Exact = true }).FillAsync("%");
        await ChooseAsync(page, "Better when", "Higher is better");
        await ChooseAsync(page, "Figures collected", "Annually");
        await ChooseAsync(page, "Year to date is", "The latest period's figure");
        await ChooseAsync(page, "Figures reported by", reportedBy);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add indicator" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{reference}: {description}");
        await AppWithBrowser.WaitUntilInteractiveAsync(page);
    }

    /// <summary>Adds a person on /admin/people/new, gives them one role and sends the invitation; ends on their page.</summary>
    public static async Task AddAndInviteAsync(IPage admin, string name, string jobTitle, string email, string role)
    {
        await AppWithBrowser.OpenAsync(admin, "/admin/people/new");
        await admin.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync(name);
        await admin.GetByLabel("Job title").FillAsync(jobTitle);
        await admin.GetByLabel("Email address").FillAsync(email);
        await Assertions.Expect(admin.GetByRole(AriaRole.Textbox, new() { Name = "Name" })).ToHaveValueAsync(name);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true })).ToBeVisibleAsync();

        await admin.GetByLabel(role).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
        await Assertions.Expect(admin.GetByText($"Roles saved for {name}.")).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite to sign in" }).ClickAsync();
        await Assertions.Expect(admin.GetByText($"Invitation sent to {email}.")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"https?://\S+/account/set-password\?\S+")]
    private static partial Regex SetPasswordLink();

    /// <summary>The one-time "choose your password" link in an invitation or reset email.</summary>
    public static string LinkIn(MimeMessage message) => SetPasswordLink().Match(message.TextBody ?? "").Value;

    /// <summary>Follows a one-time link and chooses a password; ends on the sign-in page, which says it is set.</summary>
    public static async Task SetPasswordAsync(IPage page, string link, string password)
    {
        await page.GotoAsync(link);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Type the new password again").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set my password" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/sign-in?passwordSet=true", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#sign-in-notice")).ToContainTextAsync("Your password is set.");
    }
}
