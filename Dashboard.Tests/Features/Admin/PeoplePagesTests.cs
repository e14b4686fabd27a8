using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Features.Admin.People;
using Dashboard.Features.Performance;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Features.Admin;

/// <summary>The people pages as an administrator sees them, on the demo data.</summary>
public class PeoplePagesTests : DashboardTestContext
{
    public PeoplePagesTests()
    {
        AccountServices.Add(Services, () => Database, () => Path.Combine(Database.Directory, "mail"));
        Services.AddScoped<PeopleCommands>();
        Services.AddScoped<PeopleQueries>();
        Services.AddScoped<PersonalData>();
        Services.AddScoped<PerformanceCommands>();
    }

    private PeopleCommands Commands => Services.GetRequiredService<PeopleCommands>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<int> PersonIdAsync(string name)
    {
        await using var db = await Database.OpenAsync();
        return await db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(Ct);
    }

    private static string RowText(IRenderedComponent<PeoplePage> page, string name) =>
        page.Find($"td[data-person='{name}']").ParentElement!.TextContent;

    [Fact]
    public async Task The_list_shows_roles_and_account_state_in_words_and_finds_by_name_or_email()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        Assert.True((await Commands.DeactivateAsync(await PersonIdAsync("Rosa Grant"), Ct)).Succeeded);
        Render<MudPopoverProvider>();

        var page = Render<PeoplePage>();
        WaitUntilSettled(page, () => Assert.NotEmpty(page.FindAll("td[data-person]")));

        Assert.Contains("Service manager", RowText(page, "Alex Morgan"), StringComparison.Ordinal);
        Assert.Contains("Active", RowText(page, "Alex Morgan"), StringComparison.Ordinal);
        Assert.Contains("No account", RowText(page, "Kim Adams"), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("td[data-person='Rosa Grant']"));

        page.FindAll("label").Single(l => l.TextContent.Contains("Show deactivated people (1)", StringComparison.Ordinal)).QuerySelector("input")!.Change(true);
        page.WaitForAssertion(() => Assert.Contains("Deactivated", RowText(page, "Rosa Grant"), StringComparison.Ordinal));

        page.Find(".people-search input").Input("MARSH@");
        Time.Advance(TimeSpan.FromSeconds(1)); // MudBlazor's debounce runs on the app's TimeProvider.
        page.WaitForAssertion(() => Assert.Equal(["Sue Marsh"], page.FindAll("td[data-person]").Select(td => td.GetAttribute("data-person"))), TimeSpan.FromSeconds(5));
        Assert.Contains("Showing 1 of", page.Find("#people-count").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_number_that_does_not_exist_says_so()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        Render<MudPopoverProvider>();

        var page = Render<PersonPage>(p => p.Add(x => x.Id, 99_999));

        page.WaitForAssertion(() => Assert.Contains("Person not found", page.Find("h1").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task What_the_administrator_is_typing_survives_another_administrators_change_and_the_page_says_so()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var kim = await PersonIdAsync("Kim Adams");
        Render<MudPopoverProvider>();
        var page = Render<PersonPage>(p => p.Add(x => x.Id, kim));
        WaitUntilSettled(page, () => Assert.NotEmpty(page.FindAll("[data-field='Name'] input, input[data-field='Name']")));
        page.WaitForAssertion(() => Assert.True(Notifier.SubscriberCount >= 1), TimeSpan.FromSeconds(10));
        page.Find("[data-field='Name'] input, input[data-field='Name']").Change("Kim Adams-Typed");

        // Another administrator changes Kim's job title while the form is open.
        var detail = await Services.GetRequiredService<PeopleQueries>().DetailAsync(kim, Ct);
        Assert.True((await Commands.UpdateAsync(kim, detail!.Details with { JobTitle = "Head of Paid Service" }, Ct)).Succeeded);

        page.WaitForAssertion(() => Assert.Contains("Someone else has changed Kim Adams's details", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal("Kim Adams-Typed", page.Find("[data-field='Name'] input, input[data-field='Name']").GetAttribute("value"));
        Assert.Contains("Head of Paid Service", page.Find(".person-summary").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_person_page_lists_what_they_own_and_offers_the_invitation_their_state_allows()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var (alexId, kimId) = (await PersonIdAsync("Alex Morgan"), await PersonIdAsync("Kim Adams"));
        Render<MudPopoverProvider>();

        var alex = Render<PersonPage>(p => p.Add(x => x.Id, alexId));
        WaitUntilSettled(alex, () => Assert.NotEmpty(alex.FindAll("ul[data-owned]")));
        Assert.Contains("ICT", alex.Find("ul[data-owned='Services and projects']").TextContent, StringComparison.Ordinal);
        Assert.Contains(alex.FindAll("button"), b => b.TextContent.Contains("Send password reset", StringComparison.Ordinal));
        Assert.DoesNotContain(alex.FindAll("button"), b => b.TextContent.Contains("Invite to sign in", StringComparison.Ordinal));

        var kim = Render<PersonPage>(p => p.Add(x => x.Id, kimId));
        WaitUntilSettled(kim, () => Assert.NotEmpty(kim.FindAll("#account-state")));
        Assert.Contains(kim.FindAll("button"), b => b.TextContent.Contains("Invite to sign in", StringComparison.Ordinal));
        Assert.Contains("Sam Reid", kim.Find("ul[data-owned='People they are director for']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_downloads_a_leavers_data_then_erases_them_after_confirming()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var (sam, priya) = (await PersonIdAsync("Sam Reid"), await PersonIdAsync("Priya Shah"));
        Assert.True((await Commands.HandOverAsync(sam, priya, Ct)).Result.Succeeded);
        Assert.True((await Commands.DeactivateAsync(sam, Ct)).Succeeded);
        Render<MudPopoverProvider>();

        var page = Render<PersonPage>(p => p.Add(x => x.Id, sam));
        WaitUntilSettled(page, () => Assert.Contains(page.FindAll("button"), b => b.TextContent.Contains("Erase Sam Reid's personal data", StringComparison.Ordinal)));
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == $"admin/people/{sam}/personal-data.json");
        page.FindAll("button").Single(b => b.TextContent.Contains("Erase Sam Reid's personal data", StringComparison.Ordinal)).Click();
        Assert.Contains("This cannot be undone.", page.Markup, StringComparison.Ordinal);
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Erase now").Click();

        page.WaitForAssertion(() => Assert.Contains(PersonalData.FormerMember, page.Find("h1").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await using var db = await Database.OpenAsync();
        Assert.False(await db.People.AnyAsync(p => p.Name == "Sam Reid", Ct));
    }

    [Fact]
    public async Task A_deactivated_person_cannot_be_made_the_owner_of_a_new_indicator()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var sue = await PersonIdAsync("Sue Marsh");
        Assert.True((await Commands.DeactivateAsync(sue, Ct)).Succeeded);

        var (result, id) = await Services.GetRequiredService<PerformanceCommands>().CreateIndicatorAsync(new Dashboard.Domain.Performance.NewIndicatorInput
        {
            Ref = "LPI 07",
            Description = "Missed bins per 100,000 collections",
            Unit = "per 100,000",
            Polarity = Dashboard.Domain.Performance.Polarity.LowerIsBetter,
            Frequency = Dashboard.Domain.Performance.CollectionFrequency.Monthly,
            Aggregation = Dashboard.Domain.Performance.YtdAggregation.Average,
            OwnerId = sue,
        }, Ct);

        Assert.Null(id);
        Assert.Equal("Sue Marsh has been deactivated: choose an active person.", result.FieldErrors["OwnerId"]);
    }
}

public sealed class PeoplePagesTestsOnPostgres : PeoplePagesTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
