using Dashboard.Domain.Services;

namespace Dashboard.Tests.Domain;

public sealed class GoLiveTests
{
    private static readonly DateOnly Today = new(2010, 12, 9);

    private static SharedService Project() => new()
    {
        Name = "Environmental Services",
        Phase = ServicePhase.ProjectUnderway,
        ProjectStartDate = new DateOnly(2010, 5, 1),
        GoLiveDate = new DateOnly(2011, 3, 31),
    };

    [Fact]
    public void A_project_goes_live_on_the_date_given()
    {
        var project = Project();

        Assert.Null(GoLive.Check(project, Today, Today));
        GoLive.MarkLive(project, Today);

        Assert.Equal(ServicePhase.Live, project.Phase);
        Assert.Equal(Today, project.GoLiveDate);
        Assert.Equal("Environmental Services is already live.", GoLive.Check(project, Today, Today));
    }

    [Fact]
    public void Not_in_the_future_nor_before_the_project_started()
    {
        Assert.StartsWith("A service can only be marked live on or after the day it goes live", GoLive.Check(Project(), Today.AddDays(1), Today), StringComparison.Ordinal);
        Assert.Equal("The go-live date cannot be before the project started (1 May 2010).", GoLive.Check(Project(), new DateOnly(2010, 4, 30), Today));
        Assert.Equal("Give the date the service went live.", GoLive.Check(Project(), null, Today));
        Assert.Throws<InvalidOperationException>(() => GoLive.MarkLive(Project(), new DateOnly(2010, 4, 30)));
    }
}
