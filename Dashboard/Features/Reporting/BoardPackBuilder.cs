using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Domain.Finance;
using Dashboard.Domain.Meetings;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Dashboard.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Reporting;

/// <summary>Builds the pack from live data as it stood on the meeting date.</summary>
public static class BoardPackBuilder
{
    public static async Task<BoardPack> BuildAsync(DashboardDbContext db, BoardMeeting meeting, ScoreBandSet bands, PerformanceRules performance, CancellationToken cancellationToken = default)
    {
        var meetingMonth = new DateOnly(meeting.Date.Year, meeting.Date.Month, 1);
        var endOfMeetingDay = new DateTimeOffset(meeting.Date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        // A service archived after the meeting was still in the report's tables on the day.
        var services = await db.SharedServices.AsNoTracking()
            .Where(s => s.ArchivedOn == null || s.ArchivedOn > meeting.Date)
            .InReportOrder()
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.Phase,
                s.Arrangement,
                s.GoLiveDate,
                Card = s.StatusUpdates.Where(u => u.Period <= meetingMonth).OrderByDescending(u => u.Period)
                    .Select(u => new { u.Rag, u.Commentary, u.Period, By = u.UpdatedBy!.Name, u.Source }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // A service that went live after the meeting was still a project on the day.
        bool LiveAtMeeting(ServicePhase phase, DateOnly? goLive) => phase == ServicePhase.Live && (goLive is null || goLive <= meeting.Date);
        PackServiceRow Row(string name, Rag? rag, string? commentary, DateOnly? period, string? by, string? source, bool receivedUnderWett = false) => new(name, rag, commentary, period, by, receivedUnderWett, source);

        // Within each table the report's order; the services received under WETT last in the live table, under their sub-heading.
        var live = services.Where(s => LiveAtMeeting(s.Phase, s.GoLiveDate))
            .OrderBy(s => ReportOrder.SectionOf(ServicePhase.Live, s.Arrangement))
            .Select(s => Row(s.Name, s.Card?.Rag, s.Card?.Commentary, s.Card?.Period, s.Card?.By, s.Card?.Source, s.Arrangement == ServiceArrangement.WettReceived)).ToList();
        var projects = services.Where(s => !LiveAtMeeting(s.Phase, s.GoLiveDate)).ToList();
        var position = services.Select((s, i) => (s.Id, i)).ToDictionary(s => s.Id, s => s.i);
        var projectsNeedingReports = projects.Where(p => p.Card is { } card && RagDefinitions.NeedsAttention(card.Rag)).Select(p => p.Id).ToList();

        var reports = await db.HighlightReports.AsNoTracking()
            .Where(r => projectsNeedingReports.Contains(r.SharedServiceId) && r.PeriodEnding <= meeting.Date)
            .Include(r => r.Activities).Include(r => r.Concerns).Include(r => r.SharedService).Include(r => r.PreparedBy)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var latestReports = reports.GroupBy(r => r.SharedServiceId).Select(g => g.MaxBy(r => r.PeriodEnding)!).OrderBy(r => position[r.SharedServiceId]).ToList();

        var liveIds = services.Where(s => LiveAtMeeting(s.Phase, s.GoLiveDate)).Select(s => s.Id).ToList();
        var benefits = (await db.BenefitEntries.AsNoTracking()
                .Where(b => liveIds.Contains(b.SharedServiceId))
                .OrderBy(b => b.Kind).ThenBy(b => b.Order)
                .Select(b => new { b.SharedServiceId, Service = b.SharedService!.Name, b.Kind, b.Expected, b.ActualToDate, b.Commentary, b.Source })
                .ToListAsync(cancellationToken))
            .OrderBy(b => position[b.SharedServiceId])
            .ToList();

        var year = FinancialYear.Of(meeting.Date);
        var savingsLines = (await Savings.SavingsCommands.YearAsync(db, year.StartYear, cancellationToken)).Lines;
        var savings = savingsLines
            .GroupBy(l => (l.CouncilCode, l.CouncilName))
            .OrderBy(g => g.Key.CouncilCode is null).ThenBy(g => g.Key.CouncilCode, StringComparer.Ordinal)
            .Select(g =>
            {
                var total = SavingsTotal.Of(g.Select(l => l.Figures));
                return g.Key.CouncilCode is { } code
                    ? new PackSavings(code, g.Key.CouncilName!, year.Label, total.Target, total.Delivered, total.Forecast, total.Lines, total.LinesReported)
                    : new PackSavings("", "Not split between the councils", year.Label, total.Target, total.Delivered, total.Forecast, total.Lines, total.LinesReported, InTotals: false);
            })
            .ToList();

        var register = await db.RiskRegisters.AsNoTracking()
            .Where(r => r.Kind == RiskRegisterKind.Programme && (r.ArchivedOn == null || r.ArchivedOn > meeting.Date))
            .OrderBy(r => r.ArchivedOn != null).ThenBy(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var risks = register is null
            ? []
            : await db.Risks.AsNoTracking()
                .Where(r => r.RiskRegisterId == register.Id && r.RaisedOn <= meeting.Date && (r.ClosedOn == null || r.ClosedOn > meeting.Date))
                .Include(r => r.Assessments)
                .ToListAsync(cancellationToken);
        var aQuarterEarlier = endOfMeetingDay.AddMonths(-3);
        var packRisks = risks
            .Select(r => (Risk: r, Then: RiskHistory.InForceAt(r.Assessments, endOfMeetingDay), Before: RiskHistory.InForceAt(r.Assessments, aQuarterEarlier)))
            .Where(r => r.Then is not null)
            .OrderBy(r => r.Risk.Ref, NaturalOrder.Instance)
            .Select(r =>
            {
                var score = r.Then!.Score;
                var band = bands.BandOf(score);
                return new PackRisk(r.Risk.Ref, r.Risk.Title, (int)score.Likelihood, (int)score.Impact, score.Value, band.Name, band.Colour, r.Risk.Mitigation, r.Before?.Score.Value, r.Risk.Source, r.Before?.Source);
            })
            .ToList();

        // The figures as at the last month end before the meeting, as the performance page shows on the meeting day.
        var overview = await Performance.PerformanceQueries.OverviewAsAtAsync(
            db, Performance.PerformanceQueries.LatestCompleteMonth(meeting.Date), meeting.Date, performance, cancellationToken);

        return new BoardPack(
            meeting.Id,
            meeting.Date,
            meeting.Title,
            meetingMonth,
            live,
            projects.Select(s => Row(s.Name, s.Card?.Rag, s.Card?.Commentary, s.Card?.Period, s.Card?.By, s.Card?.Source)).ToList(),
            latestReports.Select(ToPack).ToList(),
            projects.Where(p => projectsNeedingReports.Contains(p.Id) && latestReports.All(r => r.SharedServiceId != p.Id)).Select(p => p.Name).ToList(),
            benefits.GroupBy(b => (b.SharedServiceId, b.Service)).Select(g => new PackBenefits(
                g.Key.Service,
                g.Where(b => b.Kind == BenefitKind.BusinessCase).Select(b => new PackBenefitRow(b.Expected, b.ActualToDate, b.Commentary, b.Source)).ToList(),
                g.Where(b => b.Kind == BenefitKind.Other).Select(b => b.Expected).ToList(),
                g.Where(b => b.Kind == BenefitKind.OverallSummary).Select(b => b.Expected).ToList())).ToList(),
            savings,
            register?.Name ?? "No programme register",
            packRisks,
            new PackPerformance(overview.AsAtMonth, overview.Summaries));
    }

    private static PackHighlightReport ToPack(HighlightReport report) => new(
        report.SharedService!.Name,
        report.PeriodEnding,
        report.PreparedBy!.Name,
        report.Rag,
        report.PercentComplete,
        report.ProjectStartDate,
        report.ProjectedCompletionDate,
        report.SummaryPosition,
        report.Activities.Where(a => a.Period == ActivityPeriod.ThisPeriod).OrderBy(a => a.Order).Select(a => new PackActivity(a.Description, a.Progress, a.DueDate)).ToList(),
        report.OtherProgress,
        report.Activities.Where(a => a.Period == ActivityPeriod.NextPeriod).OrderBy(a => a.Order).Select(a => new PackActivity(a.Description, a.Progress, a.DueDate)).ToList(),
        report.Concerns.OrderBy(c => c.Order).Select(c => new PackConcern(c.Concern, c.MitigatingAction)).ToList(),
        report.ProjectBenefits,
        report.FinancialUpdate);
}
