using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Features.Services;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Services;

public class ServicesPageFilterTests : DashboardTestContext
{
    [Fact]
    public async Task Following_a_dashboard_count_shows_only_services_with_that_status()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);
        Services.GetRequiredService<NavigationManager>().NavigateTo("services?status=Amber");

        var page = Render<ServicesPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tr[data-service]").Count), TimeSpan.FromSeconds(10));
        Assert.Equal(
            ["Community Safety", "Property Services", "Emergency Planning / Business Continuity"],
            page.FindAll("tr[data-service]").Select(r => r.GetAttribute("data-service")));
        Assert.Contains("Showing only services with status Amber.", page.Markup, StringComparison.Ordinal);
    }
}

public sealed class ServicesPageFilterTestsOnPostgres : ServicesPageFilterTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
