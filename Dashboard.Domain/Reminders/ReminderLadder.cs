namespace Dashboard.Domain.Reminders;

/// <summary>One rung of the ladder: a heads-up, the overdue notice, an escalation copying the owner's director.</summary>
public sealed record ReminderStep(string Name, DayOffset When, bool CopyDirector);

/// <summary>
/// The reminders an obligation earns, counted from its deadline. On any day at most one step is
/// current: the latest one reached. After the last step the ladder stops.
/// </summary>
public sealed class ReminderLadder
{
    /// <summary>
    /// How long the last step stays current: long enough that a reminder run missed over a long
    /// weekend or a server outage still sends it, short enough that old history is never dug up.
    /// </summary>
    public const int LastStepLastsDays = 7;

    private ReminderLadder(IReadOnlyList<ReminderStep> steps) => Steps = steps;

    public IReadOnlyList<ReminderStep> Steps { get; }

    public static ReminderLadder Default { get; } = new(
    [
        new("Heads-up", new DayOffset(-7, false), false),
        new("Final heads-up", new DayOffset(-1, false), false),
        new("Overdue", new DayOffset(1, false), false),
        new("Escalation", new DayOffset(5, true), true),
        new("Final escalation", new DayOffset(10, true), true),
    ]);

    public static ReminderLadder Create(IReadOnlyList<ReminderStep> steps)
    {
        var errors = Validate(steps);
        return errors.Count == 0 ? new ReminderLadder(steps) : throw new ArgumentException(string.Join(" ", errors), nameof(steps));
    }

    /// <summary>Why the steps cannot make a ladder; empty when they can.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<ReminderStep> steps)
    {
        var errors = new List<string>();
        if (steps.Count == 0)
        {
            errors.Add("The ladder needs at least one step.");
        }

        foreach (var duplicate in steps.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"Step name '{duplicate.Key}' is used twice.");
        }

        if (steps.Any(s => string.IsNullOrWhiteSpace(s.Name)))
        {
            errors.Add("Every step needs a name.");
        }

        // Working and calendar days mix, so order is checked against an ordinary Wednesday deadline.
        var sample = new DateOnly(2010, 12, 1);
        for (var i = 1; i < steps.Count; i++)
        {
            if (steps[i].When.From(sample, WorkingCalendar.WeekdaysOnly) <= steps[i - 1].When.From(sample, WorkingCalendar.WeekdaysOnly))
            {
                errors.Add($"Step '{steps[i].Name}' ({steps[i].When}) must come after step '{steps[i - 1].Name}' ({steps[i - 1].When}).");
            }
        }

        return errors;
    }

    /// <summary>The step current on <paramref name="today"/> for an obligation due on <paramref name="deadline"/>, if any.</summary>
    public ReminderStep? StepOn(DateOnly deadline, DateOnly today, WorkingCalendar calendar)
    {
        for (var i = Steps.Count - 1; i >= 0; i--)
        {
            var reached = Steps[i].When.From(deadline, calendar);
            if (reached <= today)
            {
                var last = i == Steps.Count - 1;
                return last && today > reached.AddDays(LastStepLastsDays) ? null : Steps[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The range of deadlines for which some step can be current on <paramref name="today"/>: the
    /// reminder run need look at no obligation outside it.
    /// </summary>
    public (DateOnly From, DateOnly To) DeadlinesInPlay(DateOnly today, WorkingCalendar calendar)
    {
        var first = Steps[0].When;
        var last = Steps[^1].When;
        var from = today;
        while (last.From(from.AddDays(-1), calendar).AddDays(LastStepLastsDays) >= today)
        {
            from = from.AddDays(-1);
        }

        var to = today;
        while (first.From(to.AddDays(1), calendar) <= today)
        {
            to = to.AddDays(1);
        }

        return (from, to);
    }
}
