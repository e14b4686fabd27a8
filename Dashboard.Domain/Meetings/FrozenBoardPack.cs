namespace Dashboard.Domain.Meetings;

/// <summary>
/// The board pack exactly as it was shown at a meeting, kept so it can be reopened unchanged
/// whatever has been updated since.
/// </summary>
public sealed class FrozenBoardPack
{
    public int Id { get; set; }

    public int BoardMeetingId { get; set; }

    public BoardMeeting? BoardMeeting { get; set; }

    public DateTimeOffset FrozenAt { get; set; }

    public required string FrozenBy { get; set; }

    /// <summary>The pack's figures, serialised; the shape is owned by the web app's board-pack feature.</summary>
    public required string Content { get; set; }
}
