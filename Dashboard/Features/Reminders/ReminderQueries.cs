using Dashboard.Data;
using Dashboard.Domain.Meetings;
using Dashboard.Domain.Reminders;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Reminders;

/// <summary>
/// What people owe and have not yet supplied: the one computation behind both the reminder job and
/// the "My updates due" page, so the email and the page never disagree.
/// </summary>
public sealed class ReminderQueries(IDbContextFactory<DashboardDbContext> dbFactory, ReminderRules rules)
{
    /// <summary>
    /// The working calendar in force now: the configured bank holidays as administrators have changed them. Read on
    /// every use, so a bank holiday added this morning counts in today's reminder run.
    /// </summary>
    public async Task<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CalendarAsync(db, rules, cancellationToken);
    }

    public static async Task<WorkingCalendar> CalendarAsync(DashboardDbContext db, ReminderRules rules, CancellationToken cancellationToken) =>
        rules.ConfiguredCalendar.With(await db.BankHolidayChanges.AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>What falls due before each board meeting, by the meetings and bank holidays as they stand now.</summary>
    public async Task<ObligationSchedule> ScheduleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ScheduleAsync(db, null, cancellationToken);
    }

    // Cancelled meetings count for nothing; a moved meeting takes its deadlines with it.
    private async Task<ObligationSchedule> ScheduleAsync(DashboardDbContext db, WorkingCalendar? calendar, CancellationToken cancellationToken)
    {
        var meetings = await db.BoardMeetings.AsNoTracking().ToListAsync(cancellationToken);
        return new ObligationSchedule(rules.Deadlines, calendar ?? await CalendarAsync(db, rules, cancellationToken), MeetingRules.DatesThatCount(meetings));
    }

    /// <summary>Outstanding obligations with deadlines from <paramref name="from"/> to <paramref name="to"/>, optionally for one owner.</summary>
    /// <param name="from">The earliest deadline.</param>
    /// <param name="to">The latest deadline.</param>
    /// <param name="ownerId">Only this person's obligations; everyone's when null.</param>
    /// <param name="calendar">The calendar the caller already read, so its ladder and these deadlines agree; read now when null.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<List<Obligation>> OutstandingAsync(DateOnly from, DateOnly to, int? ownerId = null, WorkingCalendar? calendar = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schedule = await ScheduleAsync(db, calendar, cancellationToken);

        // An archived service owes no more cards or reports; nor do the risks of an archived register need reviews.
        var services = await db.SharedServices
            .Where(s => s.ArchivedOn == null && (ownerId == null || s.OwnerId == ownerId))
            .InReportOrder()
            .Select(s => new { s.Id, s.Name, s.OwnerId, s.Phase, Since = s.ProjectStartDate ?? s.GoLiveDate })
            .ToListAsync(cancellationToken);
        var projectIds = services.Where(s => s.Phase == ServicePhase.ProjectUnderway).Select(s => s.Id).ToList();
        var latestRag = (await db.StatusUpdates
                .Where(u => projectIds.Contains(u.SharedServiceId))
                .Select(u => new { u.SharedServiceId, u.Period, u.Rag })
                .ToListAsync(cancellationToken))
            .GroupBy(u => u.SharedServiceId)
            .ToDictionary(g => g.Key, g => g.MaxBy(u => u.Period)!.Rag);
        // A retired indicator owes no figures.
        var indicators = await db.PerformanceIndicators
            .Where(p => p.RetiredOn == null && (ownerId == null || p.OwnerId == ownerId))
            .Select(p => new IndicatorToReport(p.Id, p.Ref, p.Description, p.Frequency, p.OwnerId))
            .ToListAsync(cancellationToken);
        var councils = (await db.Councils.OrderBy(c => c.Code).Select(c => new { c.Id, c.Code }).ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.Code)).ToList();
        var risks = await db.Risks
            .Where(r => r.Status == RiskStatus.Open && r.RiskRegister!.ArchivedOn == null && (ownerId == null || r.OwnerId == ownerId))
            .Select(r => new RiskToReview(r.Id, r.Ref, r.Title, r.OwnerId, r.NextReviewDate))
            .ToListAsync(cancellationToken);

        var candidates = schedule.StatusCards(services.Select(s => new ServiceToReport(s.Id, s.Name, s.OwnerId, s.Since)), from, to)
            .Concat(schedule.PerformanceValues(indicators, councils, from, to))
            .Concat(schedule.RiskReviews(risks, from, to))
            .Concat(schedule.HighlightReports(
                services.Where(s => latestRag.ContainsKey(s.Id)).Select(s => new ProjectToReport(s.Id, s.Name, s.OwnerId, latestRag[s.Id])), from, to))
            .ToList();

        var supplied = await SuppliedAsync(db, candidates, cancellationToken);
        return [.. candidates.Where(o => !supplied.Contains((o.Key, o.Period))).OrderBy(o => o.Deadline).ThenBy(o => o.Title, StringComparer.Ordinal)];
    }

    /// <summary>Which of these obligations have been met, read now (so an update made after a scan still counts).</summary>
    public static async Task<HashSet<(string Key, DateOnly Period)>> SuppliedAsync(DashboardDbContext db, IReadOnlyCollection<Obligation> obligations, CancellationToken cancellationToken)
    {
        var supplied = new HashSet<(string, DateOnly)>();
        if (obligations.Count == 0)
        {
            return supplied;
        }

        var earliest = obligations.Min(o => o.Period);
        var byKind = obligations.ToLookup(o => o.Kind);

        var serviceIds = byKind[ObligationKind.StatusCard].Select(o => o.SubjectId).Distinct().ToList();
        foreach (var card in await db.StatusUpdates.Where(u => serviceIds.Contains(u.SharedServiceId) && u.Period >= earliest)
                     .Select(u => new { u.SharedServiceId, u.Period }).ToListAsync(cancellationToken))
        {
            supplied.Add((Obligation.KeyOf(ObligationKind.StatusCard, card.SharedServiceId, null), card.Period));
        }

        var indicatorIds = byKind[ObligationKind.PerformanceValue].Select(o => o.SubjectId).Distinct().ToList();
        foreach (var value in await db.PiValues.Where(v => indicatorIds.Contains(v.PerformanceIndicatorId) && v.PeriodStart >= earliest)
                     .Select(v => new { v.PerformanceIndicatorId, v.CouncilId, v.PeriodStart }).ToListAsync(cancellationToken))
        {
            supplied.Add((Obligation.KeyOf(ObligationKind.PerformanceValue, value.PerformanceIndicatorId, value.CouncilId), value.PeriodStart));
        }

        var projectIds = byKind[ObligationKind.HighlightReport].Select(o => o.SubjectId).Distinct().ToList();
        foreach (var report in await db.HighlightReports.Where(r => projectIds.Contains(r.SharedServiceId) && r.PeriodEnding >= earliest)
                     .Select(r => new { r.SharedServiceId, r.PeriodEnding }).ToListAsync(cancellationToken))
        {
            supplied.Add((Obligation.KeyOf(ObligationKind.HighlightReport, report.SharedServiceId, null), report.PeriodEnding));
        }

        // A review is owed for the review date it was scheduled on; reviewing or closing the risk settles it.
        var riskIds = byKind[ObligationKind.RiskReview].Select(o => o.SubjectId).Distinct().ToList();
        var risks = await db.Risks.Where(r => riskIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Status, r.NextReviewDate }).ToDictionaryAsync(r => r.Id, cancellationToken);
        foreach (var review in byKind[ObligationKind.RiskReview])
        {
            if (!risks.TryGetValue(review.SubjectId, out var risk) || risk.Status != RiskStatus.Open || risk.NextReviewDate != review.Period)
            {
                supplied.Add((review.Key, review.Period));
            }
        }

        return supplied;
    }

    /// <summary>The page where the owner supplies this update.</summary>
    public static string UpdatePage(ObligationKind kind, int subjectId) => kind switch
    {
        ObligationKind.RiskReview => $"risks/{subjectId}",
        ObligationKind.PerformanceValue => $"performance/{subjectId}",
        ObligationKind.HighlightReport => $"services/{subjectId}/highlight-reports/new",
        _ => $"services/{subjectId}",
    };
}
