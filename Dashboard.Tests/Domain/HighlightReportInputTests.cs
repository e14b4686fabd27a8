using Dashboard.Domain.Services;

namespace Dashboard.Tests.Domain;

public sealed class HighlightReportInputTests
{
    private static readonly DateOnly Meeting = new(2010, 12, 9);

    private static readonly SharedService Project = new()
    {
        Name = "Environmental Services",
        Phase = ServicePhase.ProjectUnderway,
        ProjectStartDate = new DateOnly(2010, 5, 1),
        GoLiveDate = new DateOnly(2011, 3, 31),
    };

    private static HighlightReport November() => new()
    {
        PeriodEnding = new DateOnly(2010, 11, 30),
        Rag = Rag.Amber,
        PercentComplete = 65,
        ProjectStartDate = new DateOnly(2010, 5, 1),
        ProjectedCompletionDate = new DateOnly(2011, 3, 31),
        SummaryPosition = "Interim structure in place.",
        ProjectBenefits = "Resilience and efficiencies.",
        FinancialUpdate = "Within budget.",
        Activities =
        [
            new() { Period = ActivityPeriod.ThisPeriod, Order = 1, Description = "Put the interim structure in place", Progress = "Done" },
            new() { Period = ActivityPeriod.NextPeriod, Order = 2, Description = "Agree Transport options", DueDate = new DateOnly(2011, 1, 31) },
            new() { Period = ActivityPeriod.NextPeriod, Order = 1, Description = "Appoint Tree Officer", DueDate = new DateOnly(2011, 1, 15) },
        ],
        Concerns = [new() { Order = 1, Concern = "Further consultation may be needed", MitigatingAction = "Engage early" }],
    };

    [Fact]
    public void This_periods_planned_activities_are_last_reports_planned_for_next_period_in_order_awaiting_progress()
    {
        var next = HighlightReportInput.StartAfter(November(), Project, currentStatus: Rag.Amber, Meeting);

        Assert.Equal(["Appoint Tree Officer", "Agree Transport options"], next.ThisPeriod.Select(a => a.Description));
        Assert.Equal([new DateOnly(2011, 1, 15), new DateOnly(2011, 1, 31)], next.ThisPeriod.Select(a => a.DueDate!.Value));
        Assert.All(next.ThisPeriod, a => Assert.Null(a.Progress));
        Assert.Empty(next.NextPeriod);
    }

    [Fact]
    public void What_does_not_change_month_to_month_is_carried_forward_and_the_narrative_starts_empty()
    {
        var next = HighlightReportInput.StartAfter(November(), Project, currentStatus: Rag.Red, Meeting);

        Assert.Equal(new DateOnly(2010, 12, 31), next.PeriodEnding);
        Assert.Equal(Rag.Red, next.Rag);
        Assert.Equal(65, next.PercentComplete);
        Assert.Equal(new DateOnly(2010, 5, 1), next.ProjectStartDate);
        Assert.Equal(new DateOnly(2011, 3, 31), next.ProjectedCompletionDate);
        Assert.Equal("Resilience and efficiencies.", next.ProjectBenefits);
        Assert.Equal("Further consultation may be needed", Assert.Single(next.Concerns).Concern);
        Assert.Null(next.SummaryPosition);
        Assert.Null(next.FinancialUpdate);
        Assert.Null(next.OtherProgress);
    }

    [Fact]
    public void A_first_report_covers_the_month_just_ended_and_takes_the_projects_dates()
    {
        var first = HighlightReportInput.StartAfter(null, Project, currentStatus: Rag.Amber, Meeting);

        Assert.Equal(new DateOnly(2010, 11, 30), first.PeriodEnding);
        Assert.Equal(new DateOnly(2010, 5, 1), first.ProjectStartDate);
        Assert.Equal(new DateOnly(2011, 3, 31), first.ProjectedCompletionDate);
        Assert.Empty(first.ThisPeriod);
    }

    [Fact]
    public void A_late_report_catches_up_to_the_month_just_ended()
    {
        Assert.Equal(new DateOnly(2010, 11, 30), HighlightReportPeriods.NextPeriodEnding(new DateOnly(2010, 8, 31), Meeting));
        Assert.Equal(new DateOnly(2011, 2, 28), HighlightReportPeriods.NextPeriodEnding(new DateOnly(2011, 1, 31), new DateOnly(2011, 2, 3)));
    }

    [Fact]
    public void Progress_is_required_against_each_carried_forward_activity()
    {
        var next = HighlightReportInput.StartAfter(November(), Project, Rag.Amber, Meeting);
        next.SummaryPosition = "Appointments under way.";
        next.ThisPeriod[0].Progress = "Appointed";

        var errors = next.Validate(previousPeriodEnding: new DateOnly(2010, 11, 30), Meeting);

        Assert.Equal("Record progress against this activity.", Assert.Single(errors, e => e.Key.StartsWith("ThisPeriod", StringComparison.Ordinal)).Value);
        Assert.True(errors.ContainsKey("ThisPeriod[1].Progress"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Percent_complete_is_0_to_100(int percent)
    {
        var input = Valid();
        input.PercentComplete = percent;

        Assert.Equal("% complete must be between 0 and 100.", input.Validate(null, Meeting)["PercentComplete"]);
    }

    [Fact]
    public void Projected_completion_cannot_be_before_the_start()
    {
        var input = Valid();
        input.ProjectedCompletionDate = new DateOnly(2010, 4, 30);

        Assert.Equal("Projected completion cannot be before the start date (1 May 2010).", input.Validate(null, Meeting)["ProjectedCompletionDate"]);

        input.ProjectedCompletionDate = input.ProjectStartDate;
        Assert.Empty(input.Validate(null, Meeting));
    }

    [Fact]
    public void The_period_follows_the_previous_report_and_is_not_after_this_month()
    {
        var input = Valid();
        Assert.Equal("The period must end after the previous report's (30 November 2010).", input.Validate(new DateOnly(2010, 11, 30), Meeting)["PeriodEnding"]);

        input.PeriodEnding = new DateOnly(2011, 1, 31);
        Assert.Equal("The period cannot end after this month (31 December 2010).", input.Validate(null, Meeting)["PeriodEnding"]);
    }

    [Fact]
    public void Next_periods_activities_need_a_due_date_after_the_period_and_blank_rows_are_ignored()
    {
        var input = Valid();
        input.NextPeriod = [new() { Description = "Appoint", DueDate = null }, new() { Description = "Consult", DueDate = new DateOnly(2010, 11, 1) }, new()];
        input.Concerns = [new(), new() { MitigatingAction = "Something" }];

        var errors = input.Validate(null, Meeting);

        Assert.Equal("Give the date this is due.", errors["NextPeriod[0].DueDate"]);
        Assert.Equal("Next period's activities are due after this period ends (30 November 2010).", errors["NextPeriod[1].DueDate"]);
        Assert.False(errors.ContainsKey("NextPeriod[2].Description"));
        Assert.False(errors.ContainsKey("Concerns[0].Concern"));
        Assert.Equal("Describe the risk, issue or concern.", errors["Concerns[1].Concern"]);
    }

    [Fact]
    public void Applying_writes_rows_in_order_and_drops_blank_ones()
    {
        var input = Valid();
        input.ThisPeriod = [new() { Description = " Appoint ", Progress = "Done " }, new()];
        input.NextPeriod = [new(), new() { Description = "Consult", DueDate = new DateOnly(2010, 12, 20) }];
        var report = new HighlightReport { SummaryPosition = "" };

        input.ApplyTo(report);

        Assert.Equal(2, report.Activities.Count);
        var thisPeriod = Assert.Single(report.Activities, a => a.Period == ActivityPeriod.ThisPeriod);
        Assert.Equal(("Appoint", "Done", 1), (thisPeriod.Description, thisPeriod.Progress, thisPeriod.Order));
        Assert.Equal(1, Assert.Single(report.Activities, a => a.Period == ActivityPeriod.NextPeriod).Order);
        Assert.Equal(65, report.PercentComplete);

        var roundTrip = HighlightReportInput.From(report);
        Assert.Equal("Appoint", Assert.Single(roundTrip.ThisPeriod).Description);
    }

    private static HighlightReportInput Valid() => new()
    {
        PeriodEnding = new DateOnly(2010, 11, 30),
        Rag = Rag.Amber,
        PercentComplete = 65,
        ProjectStartDate = new DateOnly(2010, 5, 1),
        ProjectedCompletionDate = new DateOnly(2011, 3, 31),
        SummaryPosition = "On plan.",
    };
}
