using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>A council's first day, through the UI alone: the administrator sets up services, a project and the programme's risk register.</summary>
public sealed class ServiceSetupBrowserTests
{
    private const string Administrator = $"{EmptyCouncilApp.AdminEmail} (Administrator)";

    [Fact]
    public async Task The_administrator_sets_up_two_services_a_project_and_a_register_and_sees_them_in_the_chosen_order()
    {
        await using var council = await EmptyCouncilApp.StartAsync();
        var page = await council.AdministratorPageAsync();

        await AppWithBrowser.OpenAsync(page, "/admin/services");
        await Assertions.Expect(page.GetByText("No services or projects yet — add the first one.")).ToBeVisibleAsync();

        await SetUpSteps.AddServiceAsync(page, "Community Safety", project: false, host: "Bromsgrove District Council", Administrator);
        await SetUpSteps.AddServiceAsync(page, "Elections", project: false, host: null, Administrator);
        await SetUpSteps.AddServiceAsync(page, "Revenues & Benefits transformation", project: true, host: null, Administrator);

        // The board report lists Elections first: move it up with the keyboard, as a keyboard user would.
        await Assertions.Expect(LiveRows(page)).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Elections up" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Elections moved up" }))
            .ToHaveTextAsync("Elections moved up: now 1 of 2 in Live shared services.");
        await Assertions.Expect(LiveRows(page).First).ToHaveAttributeAsync("data-service", "Elections");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Elections down" })).ToBeFocusedAsync();

        await AppWithBrowser.OpenAsync(page, "/services");
        var live = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Live shared services" }) }).Locator("tbody tr[data-service]");
        await Assertions.Expect(live).ToHaveCountAsync(2);
        Assert.Equal(["Elections", "Community Safety"], await DataServicesAsync(live));
        var projects = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Shared services projects underway" }) }).Locator("tbody tr[data-service]");
        Assert.Equal(["Revenues & Benefits transformation"], await DataServicesAsync(projects));

        await AppWithBrowser.OpenAsync(page, "/risks");
        await Assertions.Expect(page.GetByText("No risk registers have been set up yet.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a risk register" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Create a risk register");
        await AppWithBrowser.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = "The shared services programme's" }).CheckAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Shared Services Programme");
        await SetUpSteps.ChooseAsync(page, "Owner", Administrator);
        await page.GetByLabel("Risk appetite (score 1–16)").FillAsync("8");
        await Assertions.Expect(page.GetByTestId("appetite-words")).ToContainTextAsync("Risks scoring above 8 are flagged; 8 is in the Severe score band (8–16).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create register" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Risk registers");
        await Assertions.Expect(page.Locator("tr[data-register='Shared Services Programme']")).ToContainTextAsync("The shared services programme");

        await AppWithBrowser.OpenAsync(page, "/risks");
        await Assertions.Expect(page.GetByText("Risk appetite 8: risks scoring above it are flagged.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add a risk to Shared Services Programme" })).ToBeVisibleAsync();

        await AppWithBrowser.OpenAsync(page, "/");
        await Assertions.Expect(page.GetByText("Open programme risks by score band")).ToBeVisibleAsync();
    }

    private static ILocator LiveRows(IPage page) => page.Locator("[data-section='LiveServices'] tbody tr[data-service]");

    private static async Task<List<string>> DataServicesAsync(ILocator rows)
    {
        var names = new List<string>();
        foreach (var row in await rows.AllAsync())
        {
            names.Add(await row.GetAttributeAsync("data-service") ?? "");
        }

        return names;
    }


}
