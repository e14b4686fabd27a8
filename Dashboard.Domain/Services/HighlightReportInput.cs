using System.Globalization;

namespace Dashboard.Domain.Services;

/// <summary>A planned activity as a manager types it: this period's (with progress) or next period's (with a due date).</summary>
public sealed class ActivityInput
{
    public string? Description { get; set; }

    public string? Progress { get; set; }

    public DateOnly? DueDate { get; set; }

    internal bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Progress) && DueDate is null;
}

/// <summary>A row of "Risks, issues and concerns | Mitigating action" as typed.</summary>
public sealed class ConcernInput
{
    public string? Concern { get; set; }

    public string? MitigatingAction { get; set; }

    internal bool IsBlank => string.IsNullOrWhiteSpace(Concern) && string.IsNullOrWhiteSpace(MitigatingAction);
}

/// <summary>
/// A highlight report (Appendix C) as a manager fills it in. Mutable, because it is the form's model;
/// <see cref="Validate"/> says what is wrong, keyed by field ("ThisPeriod[0].Progress" for a row's field).
/// </summary>
public sealed class HighlightReportInput
{
    private static readonly CultureInfo UkEnglish = CultureInfo.GetCultureInfo("en-GB");

    public DateOnly? PeriodEnding { get; set; }

    public Rag? Rag { get; set; }

    public int? PercentComplete { get; set; }

    public DateOnly? ProjectStartDate { get; set; }

    public DateOnly? ProjectedCompletionDate { get; set; }

    public string? SummaryPosition { get; set; }

    /// <summary>Planned for this period, with progress against each; starts as last report's next-period list.</summary>
    public List<ActivityInput> ThisPeriod { get; set; } = [];

    public string? OtherProgress { get; set; }

    /// <summary>Planned for next period, each with a date due.</summary>
    public List<ActivityInput> NextPeriod { get; set; } = [];

    public List<ConcernInput> Concerns { get; set; } = [];

    public string? ProjectBenefits { get; set; }

    public string? FinancialUpdate { get; set; }

    /// <summary>
    /// The next report, pre-filled as the council's template asks: this period's planned activities are
    /// the last report's "planned for next period" (progress to be recorded against each), and what does
    /// not change month to month — start date, projected completion, % complete, benefits, open
    /// concerns — is carried forward for the manager to review.
    /// </summary>
    /// <param name="last">The project's most recent report, if it has one.</param>
    /// <param name="project">The project the report is for.</param>
    /// <param name="currentStatus">The status on the project's latest card, which the report should agree with.</param>
    /// <param name="today">The reporting date.</param>
    public static HighlightReportInput StartAfter(HighlightReport? last, SharedService project, Rag? currentStatus, DateOnly today) => new()
    {
        PeriodEnding = HighlightReportPeriods.NextPeriodEnding(last?.PeriodEnding, today),
        Rag = currentStatus ?? last?.Rag,
        PercentComplete = last?.PercentComplete,
        ProjectStartDate = last?.ProjectStartDate ?? project.ProjectStartDate,
        ProjectedCompletionDate = last?.ProjectedCompletionDate ?? project.GoLiveDate,
        ProjectBenefits = last?.ProjectBenefits,
        ThisPeriod = last is null
            ? []
            : [.. last.Activities
                .Where(a => a.Period == ActivityPeriod.NextPeriod)
                .OrderBy(a => a.Order)
                .Select(a => new ActivityInput { Description = a.Description, DueDate = a.DueDate })],
        Concerns = last is null
            ? []
            : [.. last.Concerns.OrderBy(c => c.Order).Select(c => new ConcernInput { Concern = c.Concern, MitigatingAction = c.MitigatingAction })],
    };

    /// <summary>The form of an existing report, for correcting it.</summary>
    public static HighlightReportInput From(HighlightReport report) => new()
    {
        PeriodEnding = report.PeriodEnding,
        Rag = report.Rag,
        PercentComplete = report.PercentComplete,
        ProjectStartDate = report.ProjectStartDate,
        ProjectedCompletionDate = report.ProjectedCompletionDate,
        SummaryPosition = report.SummaryPosition,
        OtherProgress = report.OtherProgress,
        ProjectBenefits = report.ProjectBenefits,
        FinancialUpdate = report.FinancialUpdate,
        ThisPeriod = [.. Activities(report, ActivityPeriod.ThisPeriod)],
        NextPeriod = [.. Activities(report, ActivityPeriod.NextPeriod)],
        Concerns = [.. report.Concerns.OrderBy(c => c.Order).Select(c => new ConcernInput { Concern = c.Concern, MitigatingAction = c.MitigatingAction })],
    };

    /// <param name="previousPeriodEnding">The period ending of the project's report before this one, if any.</param>
    /// <param name="today">The reporting date: a report cannot be for a period ending after this month.</param>
    public IReadOnlyDictionary<string, string> Validate(DateOnly? previousPeriodEnding, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var lastAllowed = StatusCards.PeriodFor(today).AddMonths(1).AddDays(-1);
        if (PeriodEnding is not { } ending)
        {
            errors[nameof(PeriodEnding)] = "Give the date the period ends.";
        }
        else if (previousPeriodEnding is { } previous && ending <= previous)
        {
            errors[nameof(PeriodEnding)] = $"The period must end after the previous report's ({Format(previous)}).";
        }
        else if (ending > lastAllowed)
        {
            errors[nameof(PeriodEnding)] = $"The period cannot end after this month ({Format(lastAllowed)}).";
        }

        if (Rag is null)
        {
            errors[nameof(Rag)] = "Choose Green, Amber or Red.";
        }

        if (PercentComplete is not { } percent)
        {
            errors[nameof(PercentComplete)] = "Give how much of the project is complete, 0 to 100.";
        }
        else if (percent is < 0 or > 100)
        {
            errors[nameof(PercentComplete)] = "% complete must be between 0 and 100.";
        }

        if (ProjectStartDate is null)
        {
            errors[nameof(ProjectStartDate)] = "Give the project's start date.";
        }

        if (ProjectedCompletionDate is not { } completion)
        {
            errors[nameof(ProjectedCompletionDate)] = "Give the projected completion date.";
        }
        else if (ProjectStartDate is { } start && completion < start)
        {
            errors[nameof(ProjectedCompletionDate)] = $"Projected completion cannot be before the start date ({Format(start)}).";
        }

        Require(errors, nameof(SummaryPosition), SummaryPosition, "Summarise the project's position for the board.", 4000);
        Limit(errors, nameof(OtherProgress), OtherProgress, 4000);
        Limit(errors, nameof(ProjectBenefits), ProjectBenefits, 4000);
        Limit(errors, nameof(FinancialUpdate), FinancialUpdate, 4000);

        foreach (var (activity, index) in ThisPeriod.Select((a, i) => (a, i)).Where(a => !a.a.IsBlank))
        {
            Require(errors, $"{nameof(ThisPeriod)}[{index}].{nameof(ActivityInput.Description)}", activity.Description, "Describe the activity.", 1000);
            Require(errors, $"{nameof(ThisPeriod)}[{index}].{nameof(ActivityInput.Progress)}", activity.Progress, "Record progress against this activity.", 2000);
        }

        foreach (var (activity, index) in NextPeriod.Select((a, i) => (a, i)).Where(a => !a.a.IsBlank))
        {
            Require(errors, $"{nameof(NextPeriod)}[{index}].{nameof(ActivityInput.Description)}", activity.Description, "Describe the activity.", 1000);
            var dueKey = $"{nameof(NextPeriod)}[{index}].{nameof(ActivityInput.DueDate)}";
            if (activity.DueDate is not { } due)
            {
                errors[dueKey] = "Give the date this is due.";
            }
            else if (PeriodEnding is { } periodEnd && due <= periodEnd)
            {
                errors[dueKey] = $"Next period's activities are due after this period ends ({Format(periodEnd)}).";
            }
        }

        foreach (var (concern, index) in Concerns.Select((c, i) => (c, i)).Where(c => !c.c.IsBlank))
        {
            Require(errors, $"{nameof(Concerns)}[{index}].{nameof(ConcernInput.Concern)}", concern.Concern, "Describe the risk, issue or concern.", 1000);
            Limit(errors, $"{nameof(Concerns)}[{index}].{nameof(ConcernInput.MitigatingAction)}", concern.MitigatingAction, 2000);
        }

        return errors;
    }

    /// <summary>Writes the (valid) input onto a report, replacing its activities and concerns; blank rows are dropped.</summary>
    public void ApplyTo(HighlightReport report)
    {
        report.PeriodEnding = PeriodEnding!.Value;
        report.Rag = Rag!.Value;
        report.PercentComplete = PercentComplete!.Value;
        report.ProjectStartDate = ProjectStartDate!.Value;
        report.ProjectedCompletionDate = ProjectedCompletionDate!.Value;
        report.SummaryPosition = SummaryPosition!.Trim();
        report.OtherProgress = Tidy(OtherProgress);
        report.ProjectBenefits = Tidy(ProjectBenefits);
        report.FinancialUpdate = Tidy(FinancialUpdate);

        report.Activities.Clear();
        foreach (var (activity, order) in ThisPeriod.Where(a => !a.IsBlank).Select((a, i) => (a, i + 1)))
        {
            report.Activities.Add(new HighlightActivity { Period = ActivityPeriod.ThisPeriod, Order = order, Description = activity.Description!.Trim(), Progress = Tidy(activity.Progress), DueDate = activity.DueDate });
        }

        foreach (var (activity, order) in NextPeriod.Where(a => !a.IsBlank).Select((a, i) => (a, i + 1)))
        {
            report.Activities.Add(new HighlightActivity { Period = ActivityPeriod.NextPeriod, Order = order, Description = activity.Description!.Trim(), DueDate = activity.DueDate });
        }

        report.Concerns.Clear();
        foreach (var (concern, order) in Concerns.Where(c => !c.IsBlank).Select((c, i) => (c, i + 1)))
        {
            report.Concerns.Add(new HighlightConcern { Order = order, Concern = concern.Concern!.Trim(), MitigatingAction = Tidy(concern.MitigatingAction) });
        }
    }

    private static IEnumerable<ActivityInput> Activities(HighlightReport report, ActivityPeriod period) =>
        report.Activities.Where(a => a.Period == period).OrderBy(a => a.Order)
            .Select(a => new ActivityInput { Description = a.Description, Progress = a.Progress, DueDate = a.DueDate });

    private static void Require(Dictionary<string, string> errors, string key, string? value, string message, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[key] = message;
        }
        else
        {
            Limit(errors, key, value, maxLength);
        }
    }

    private static void Limit(Dictionary<string, string> errors, string key, string? value, int maxLength)
    {
        if (value is { Length: var length } && length > maxLength)
        {
            errors[key] = string.Create(UkEnglish, $"Keep this to {maxLength:N0} characters (it has {length:N0}).");
        }
    }

    private static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", UkEnglish);
}

public static class HighlightReportPeriods
{
    /// <summary>
    /// The period a new report covers: the month just ended (the one the next board meeting looks back
    /// on), or, when the last report already covers it, the month after the last report.
    /// </summary>
    public static DateOnly NextPeriodEnding(DateOnly? lastPeriodEnding, DateOnly today)
    {
        var monthJustEnded = StatusCards.PeriodFor(today).AddDays(-1);
        return lastPeriodEnding is { } last && last >= monthJustEnded ? MonthEnd(last.AddDays(1)) : monthJustEnded;
    }

    public static DateOnly MonthEnd(DateOnly date) => new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1);
}
