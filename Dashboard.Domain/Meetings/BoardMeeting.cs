namespace Dashboard.Domain.Meetings;

/// <summary>A meeting of the Shared Services Board; updates are due before it.</summary>
public sealed class BoardMeeting
{
    public const string DefaultTitle = "Shared Services Board";

    public const int TitleMaxLength = 200;

    public const int VenueMaxLength = 200;

    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public required string Title { get; set; }

    /// <summary>The venue, e.g. "Town Hall, Redditch".</summary>
    public string? Location { get; set; }

    /// <summary>
    /// When an administrator cancelled it. A cancelled meeting stays listed (with who and when) but no
    /// deadline is counted from it, and another meeting may be held on its date.
    /// </summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Who cancelled it, as their name read then.</summary>
    public string? CancelledBy { get; set; }

    public bool IsCancelled => CancelledAt is not null;
}
