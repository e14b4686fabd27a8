namespace Dashboard.Domain.Services;

/// <summary>A row of one of a service's report tables that its owner keeps in the order the board reads it (Appendix B).</summary>
public interface IOrderedServiceRow : IVersioned
{
    int Id { get; }

    int SharedServiceId { get; }

    /// <summary>Position in its table, from 1.</summary>
    int Order { get; set; }

    DateTimeOffset UpdatedAt { get; set; }
}
