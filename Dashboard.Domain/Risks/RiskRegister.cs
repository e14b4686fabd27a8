using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;

namespace Dashboard.Domain.Risks;

/// <summary>
/// A risk register: the programme's own, or one per shared service or project.
/// The issues log sits beside it.
/// </summary>
public sealed class RiskRegister
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Null for the programme register; otherwise the service or project it belongs to.</summary>
    public int? SharedServiceId { get; set; }

    public SharedService? SharedService { get; set; }

    /// <summary>The person who may change this register's risks and issues (administrators always may).</summary>
    public int OwnerId { get; set; }

    public Person? Owner { get; set; }

    /// <summary>Risks scoring above this get the board's attention.</summary>
    public int RiskAppetite { get; set; }

    public List<Risk> Risks { get; set; } = [];

    public List<RiskIssue> Issues { get; set; } = [];
}
