namespace Dashboard.Domain.Meetings;

/// <summary>A meeting of the Shared Services Board; updates are due before it.</summary>
public sealed class BoardMeeting
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public required string Title { get; set; }

    public string? Location { get; set; }
}
