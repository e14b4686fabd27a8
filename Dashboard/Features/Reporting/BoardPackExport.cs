using Dashboard.Components.Shared;
using Dashboard.Data;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Dashboard.Export;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Reporting;

/// <summary>The whole pack as a workbook: one worksheet per section, headed as in the report.</summary>
public static class BoardPackExport
{
    public static IEnumerable<SheetData> Sheets(BoardPack pack)
    {
        var title = $"{pack.MeetingTitle} — {UkFormat.Date(pack.MeetingDate)}";
        yield return new SheetData("Live shared services", ["Shared service", "Status", "High Level Commentary", "As at", "Updated by", SourceHeading],
            WithWettHeading(pack.LiveServices), title);
        yield return new SheetData("Projects underway", ["Shared service", "Status", "High Level Commentary", "As at", "Updated by", SourceHeading],
            pack.Projects.Select(StatusRow).ToList(), title);
        yield return new SheetData("Highlight reports",
            ["Project Name", "Period ending", "Prepared by", "Status", "% of Project Complete", "Project Start date", "Projected Completion date", "Summary position",
             "Planned activities for this period", "Other progress for this period", "Planned activities for next period", "Risks, issues and concerns", "Summary of Project Benefits", "Financial Update"],
            pack.HighlightReports.Select(r => (IReadOnlyList<object?>)
            [
                r.Project, r.PeriodEnding, r.PreparedBy, r.Rag.ToString(), r.PercentComplete, r.StartDate, r.ProjectedCompletion, r.SummaryPosition,
                string.Join("\n", r.ThisPeriod.Select(a => $"{a.Description}: {a.Progress}")),
                r.OtherProgress,
                string.Join("\n", r.NextPeriod.Select(a => a.DueDate is { } due ? $"{a.Description} (due {UkFormat.ShortDate(due)})" : a.Description)),
                string.Join("\n", r.Concerns.Select(c => $"{c.Concern} — {c.MitigatingAction}")),
                r.Benefits, r.FinancialUpdate,
            ]).ToList(), title);
        yield return new SheetData("Benefits realisation", ["Shared service", "Expected Results (as per business case)", "Actual Results to date", "Commentary (explain any differences)", SourceHeading],
            pack.Benefits.SelectMany(b => b.BusinessCase.Select(row => (IReadOnlyList<object?>)[b.Service, row.Expected, row.Actual, row.Commentary, SourceOf(row.Source)])).ToList(), title);
        yield return new SheetData("Savings", ["Council", "Financial year", "Target", "Forecast", "Delivered to date", "Lines that reported delivered to date", "In the totals"],
            pack.Savings.Select(s => (IReadOnlyList<object?>)
            [
                s.CouncilName, s.FinancialYear, s.Target, s.Forecast,
                s.Delivered is { } delivered ? delivered : Features.Savings.SavingsWording.NotYetReported,
                s.Total is null ? null : $"{s.LinesReported} of {s.Lines}",
                s.InTotals ? "Yes" : "No: not split between the councils",
            ]).ToList(), title);
        if (pack.Performance is { } performance)
        {
            yield return new SheetData("Performance", [$"As at the end of {UkFormat.Month(performance.AsAtMonth)}", .. performance.Summaries.Select(s => s.Label)],
                PerformanceSummaryRows(performance.Summaries));
        }

        yield return new SheetData("Risks", ["Ref", "Risk", "L", "I", "Score", "Mitigation", "Band", "Movement", SourceHeading],
            pack.Risks.Select(r => (IReadOnlyList<object?>)[r.Ref, r.Title, r.Likelihood, r.Impact, r.Score, r.Mitigation, r.Band, r.Movement, SourceOf(r.Source)]).ToList(), title);
    }

    /// <summary>Demo rows say where they come from, as on screen; the councils' own rows leave it blank.</summary>
    private const string SourceHeading = "Source (demo data)";

    private static string? SourceOf(string? source) => Dashboard.Domain.Provenance.Explain(source);

    /// <summary>The live table's rows with the report's sub-heading over the services received under WETT.</summary>
    private static List<IReadOnlyList<object?>> WithWettHeading(IReadOnlyList<PackServiceRow> rows) =>
    [
        .. rows.Where(r => !r.ReceivedUnderWett).Select(StatusRow),
        .. rows.Any(r => r.ReceivedUnderWett) ? [(IReadOnlyList<object?>)[ReportOrder.WettHeading, null, null, null, null, null]] : Array.Empty<IReadOnlyList<object?>>(),
        .. rows.Where(r => r.ReceivedUnderWett).Select(StatusRow),
    ];

    private static IReadOnlyList<object?> StatusRow(PackServiceRow row) =>
        [row.Name, row.Rag?.ToString() ?? "No status", row.Commentary, row.Period is { } period ? UkFormat.Month(period) : null, row.UpdatedBy, SourceOf(row.Source)];

    private static List<IReadOnlyList<object?>> PerformanceSummaryRows(IReadOnlyList<Performance.SummaryColumn> summaries) =>
        [.. Performance.PerformanceSummaryTable.Measures.Select(m =>
            (IReadOnlyList<object?>)[m.Wording, .. summaries.Select(s => (object?)m.MeasureOf(s.Summary).Percent)])];

    /// <summary>GET /reports/board-pack/{id}/excel: the frozen pack if there is one, otherwise today's live figures.</summary>
    public static WebApplication MapBoardPackExport(this WebApplication app)
    {
        app.MapGet("/reports/board-pack/{meetingId:int}/excel", async (int meetingId, IDbContextFactory<DashboardDbContext> dbFactory, ScoreBandSet bands, Domain.Performance.PerformanceRules performance, CancellationToken cancellationToken) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var meeting = await db.BoardMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
            if (meeting is null)
            {
                return Results.NotFound($"There is no board meeting {meetingId}.");
            }

            var frozen = await db.FrozenBoardPacks.AsNoTracking().FirstOrDefaultAsync(p => p.BoardMeetingId == meetingId, cancellationToken);
            var pack = frozen is null ? await BoardPackBuilder.BuildAsync(db, meeting, bands, performance, cancellationToken) : BoardPack.Deserialise(frozen.Content);
            return Results.File(Spreadsheet.Write(Sheets(pack)), Spreadsheet.ContentType, $"board-pack-{meeting.Date:yyyy-MM-dd}.xlsx");
        });
        return app;
    }
}
