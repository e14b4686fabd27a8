using Dashboard.Domain.Organisation;

namespace Dashboard.Domain.Services;

/// <summary>One month's status card for a service: RAG, commentary, and who said so when.</summary>
public sealed class StatusUpdate : IVersioned
{
    public int Id { get; set; }

    public int SharedServiceId { get; set; }

    public SharedService? SharedService { get; set; }

    /// <summary>The first day of the month the card reports on.</summary>
    public DateOnly Period { get; set; }

    public Rag Rag { get; set; }

    /// <summary>The "High Level Commentary" column of the board's tables.</summary>
    public required string Commentary { get; set; }

    /// <summary>Why the status went to Amber or Red; required for such a change.</summary>
    public string? ReasonForChange { get; set; }

    /// <summary>For a record seeded for the demo, where it is printed or that it is illustrative (<see cref="Provenance"/>); null otherwise.</summary>
    public string? Source { get; set; }

    public int UpdatedById { get; set; }

    public Person? UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; }
}
