using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Meetings;
using Dashboard.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Reporting;

public sealed record FreezeResult(string? Error)
{
    public static FreezeResult Done { get; } = new((string?)null);
}

/// <summary>Freezing a pack at its meeting: administrators only, once per meeting.</summary>
public static class BoardPackFreezing
{
    public static async Task<FreezeResult> FreezeAsync(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, int meetingId, ScoreBandSet bands, Domain.Performance.PerformanceRules performance, CancellationToken cancellationToken = default)
    {
        var principal = await user.PrincipalAsync();
        if (!await user.IsAdministratorAsync())
        {
            return new("Only administrators can freeze a board pack.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.BoardMeetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return new("That board meeting no longer exists.");
        }

        if (meeting.IsCancelled)
        {
            return new("That board meeting was cancelled, so there is no pack to freeze for it.");
        }

        if (await db.FrozenBoardPacks.AnyAsync(p => p.BoardMeetingId == meetingId, cancellationToken))
        {
            return new("This pack was already frozen; reopen the page to see it.");
        }

        var pack = await BoardPackBuilder.BuildAsync(db, meeting, bands, performance, cancellationToken);
        db.FrozenBoardPacks.Add(new FrozenBoardPack
        {
            BoardMeetingId = meetingId,
            FrozenAt = db.Clock.GetUtcNow(),
            FrozenBy = CurrentUser.DisplayNameOf(principal),
            Content = pack.Serialise(),
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two administrators froze at once: the unique index kept the first.
            return new("This pack was frozen by someone else a moment ago; reopen the page to see it.");
        }

        return FreezeResult.Done;
    }
}
