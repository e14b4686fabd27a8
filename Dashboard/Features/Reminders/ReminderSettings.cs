using Dashboard.Domain.Reminders;
using Dashboard.Hosting;
using Dashboard.Jobs;
using Hangfire;

namespace Dashboard.Features.Reminders;

/// <summary>The "Reminders" settings as written in appsettings.json.</summary>
public sealed class ReminderOptions
{
    /// <summary>The address people open the dashboard at; links in emails start here.</summary>
    public string SiteAddress { get; set; } = "http://localhost:5080";

    /// <summary>Deadline per kind of update, e.g. "5 working days after month end".</summary>
    public Dictionary<string, string> Deadlines { get; set; } = [];

    public List<LadderStepOptions> Ladder { get; set; } = [];

    /// <summary>yyyy-MM-dd dates that are not working days.</summary>
    public List<string> BankHolidays { get; set; } = [];
}

public sealed class LadderStepOptions
{
    public string Name { get; set; } = "";

    /// <summary>Relative to the deadline: "7 days before", "1 day after", "5 working days after".</summary>
    public string When { get; set; } = "";

    public bool CopyDirector { get; set; }
}

/// <summary>
/// The reminder rules, read once at start-up. <see cref="ConfiguredCalendar"/> is only the default: the calendar in
/// force adds administrators' bank holiday changes and is read at run time (<see cref="ReminderQueries.CalendarAsync"/>).
/// </summary>
public sealed record ReminderRules(DeadlineRules Deadlines, ReminderLadder Ladder, WorkingCalendar ConfiguredCalendar, Uri SiteAddress);

public static class ReminderSettings
{
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(Read(builder.Configuration.Bind<ReminderOptions>("Reminders")));
        builder.Services.AddScoped<ReminderQueries>();
        builder.Services.AddScoped<ReminderJob>();
        builder.Services.AddSingleton(new RecurringJobDefinition(ReminderJob.Id, "0 6 * * *",
            (manager, cron, options) => manager.AddOrUpdate<ReminderJob>(ReminderJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)));
        return builder;
    }

    internal static ReminderRules Read(ReminderOptions options)
    {
        if (!Uri.TryCreate(options.SiteAddress, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https"))
        {
            throw new StartupException($"Setting Reminders:SiteAddress must be the dashboard's http(s) address, not '{options.SiteAddress}'.");
        }

        var holidays = options.BankHolidays.Select((d, i) => DashboardConfiguration.ParseDate($"Reminders:BankHolidays:{i}", d)
            ?? throw new StartupException($"Setting Reminders:BankHolidays:{i} is empty; write a date as yyyy-MM-dd.")).ToList();
        var deadlines = new DeadlineRules(
            Deadline(options, nameof(DeadlineRules.StatusCard), DeadlineRules.Default.StatusCard),
            Deadline(options, nameof(DeadlineRules.PerformanceValue), DeadlineRules.Default.PerformanceValue),
            Deadline(options, nameof(DeadlineRules.RiskReview), DeadlineRules.Default.RiskReview),
            Deadline(options, nameof(DeadlineRules.HighlightReport), DeadlineRules.Default.HighlightReport));

        foreach (var unknown in options.Deadlines.Keys.Except([nameof(DeadlineRules.StatusCard), nameof(DeadlineRules.PerformanceValue), nameof(DeadlineRules.RiskReview), nameof(DeadlineRules.HighlightReport)], StringComparer.OrdinalIgnoreCase))
        {
            throw new StartupException($"Setting Reminders:Deadlines:{unknown} is not a kind of update; use StatusCard, PerformanceValue, RiskReview or HighlightReport.");
        }

        return new ReminderRules(deadlines, Ladder(options.Ladder), new WorkingCalendar(holidays), site);
    }

    private static DeadlineRule Deadline(ReminderOptions options, string kind, DeadlineRule fallback)
    {
        var text = options.Deadlines.FirstOrDefault(d => string.Equals(d.Key, kind, StringComparison.OrdinalIgnoreCase)).Value;
        if (text is null)
        {
            return fallback;
        }

        return DeadlineRule.TryParse(text) ?? throw new StartupException(
            $"Setting Reminders:Deadlines:{kind} '{text}' cannot be read; write e.g. \"5 working days after month end\" or \"7 days before the board meeting\".");
    }

    private static ReminderLadder Ladder(List<LadderStepOptions> configured)
    {
        if (configured.Count == 0)
        {
            return ReminderLadder.Default;
        }

        var steps = new List<ReminderStep>();
        foreach (var (step, i) in configured.Select((s, i) => (s, i)))
        {
            if (!DayOffset.TryParse(step.When, out var when, out var rest) || rest is not ("" or "the deadline" or "deadline"))
            {
                throw new StartupException($"Setting Reminders:Ladder:{i}:When '{step.When}' cannot be read; write e.g. \"7 days before\" or \"5 working days after\".");
            }

            steps.Add(new ReminderStep(step.Name.Trim(), when, step.CopyDirector));
        }

        var errors = ReminderLadder.Validate(steps);
        return errors.Count == 0
            ? ReminderLadder.Create(steps)
            : throw new StartupException($"Setting Reminders:Ladder is not usable: {string.Join(" ", errors)}");
    }
}
