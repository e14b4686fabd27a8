using Dashboard.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Support;

/// <summary>
/// Two months of highlight reports for a project, for the tests of highlight reports. The demo has none (the papers
/// print none, and Environmental Services is a service review), so the tests bring their own, on Environmental Services
/// as it was when the demo still invented them.
/// </summary>
public static class HighlightReportFixtures
{
    public static async Task AddEnvironmentalServicesReportsAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var environment = await db.SharedServices.Include(s => s.Owner).SingleAsync(s => s.Name == "Environmental Services");
        var start = new DateOnly(2010, 5, 1);
        var completion = new DateOnly(2011, 3, 31);

        db.HighlightReports.Add(new HighlightReport
        {
            SharedService = environment,
            PeriodEnding = new DateOnly(2010, 10, 31),
            PreparedBy = environment.Owner,
            Rag = Rag.Green,
            PercentComplete = 55,
            ProjectStartDate = start,
            ProjectedCompletionDate = completion,
            SummaryPosition = "Staff consultation on the interim structure is complete and appointments are being made.",
            OtherProgress = "Policies of both councils for waste collection compared.",
            ProjectBenefits = "Shared Waste & Street Scene, Bereavement Services and Tree Services teams giving resilience and efficiencies across both councils.",
            FinancialUpdate = "Within budget.",
            UpdatedAt = new DateTimeOffset(2010, 11, 3, 9, 0, 0, TimeSpan.Zero),
            Activities =
            [
                new() { Period = ActivityPeriod.ThisPeriod, Order = 1, Description = "Complete staff consultation on the interim structure", Progress = "Completed on time." },
                new() { Period = ActivityPeriod.NextPeriod, Order = 1, Description = "Put the interim staffing structure in place", DueDate = new DateOnly(2010, 11, 15) },
                new() { Period = ActivityPeriod.NextPeriod, Order = 2, Description = "Appoint to all posts in the new shared teams", DueDate = new DateOnly(2010, 11, 30) },
            ],
            Concerns = [new() { Order = 1, Concern = "Some posts may be hard to fill", MitigatingAction = "Advertise vacancies internally first, then externally." }],
        });

        db.HighlightReports.Add(new HighlightReport
        {
            SharedService = environment,
            PeriodEnding = new DateOnly(2010, 11, 30),
            PreparedBy = environment.Owner,
            Rag = Rag.Amber,
            PercentComplete = 65,
            ProjectStartDate = start,
            ProjectedCompletionDate = completion,
            SummaryPosition = "The new interim staffing structure has been in place since 15 November 2010, with two vacant posts still to be appointed to (Tree Officer and Senior Street Cleansing Operative BDC).",
            OtherProgress = "Staff in Waste & Street Scene, Bereavement Services and Tree Services are aligning their new teams and familiarising themselves with each council's policies and procedures.",
            ProjectBenefits = "Shared Waste & Street Scene, Bereavement Services and Tree Services teams giving resilience and efficiencies across both councils.",
            FinancialUpdate = "Within budget; vacancy savings in the current year.",
            UpdatedAt = new DateTimeOffset(2010, 12, 3, 9, 0, 0, TimeSpan.Zero),
            Activities =
            [
                new() { Period = ActivityPeriod.ThisPeriod, Order = 1, Description = "Put the interim staffing structure in place", Progress = "In place from 15 November 2010." },
                new() { Period = ActivityPeriod.ThisPeriod, Order = 2, Description = "Appoint to all posts in the new shared teams", Progress = "Two posts remain vacant; re-advertised." },
                new() { Period = ActivityPeriod.NextPeriod, Order = 1, Description = "Appoint Tree Officer and Senior Street Cleansing Operative (BDC)", DueDate = new DateOnly(2011, 1, 31) },
                new() { Period = ActivityPeriod.NextPeriod, Order = 2, Description = "Agree options for the Redditch Transport section review", DueDate = new DateOnly(2011, 1, 31) },
            ],
            Concerns = [new() { Order = 1, Concern = "Further staff consultation may be needed on the Redditch Transport options", MitigatingAction = "Early engagement with unions and staff." }],
        });
        await db.SaveChangesAsync();
    }
}
