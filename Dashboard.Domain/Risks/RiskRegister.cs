using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;

namespace Dashboard.Domain.Risks;

/// <summary>Whose risks a register holds.</summary>
public enum RiskRegisterKind
{
    /// <summary>The shared services programme's own register: the one the board pack and dashboard show.</summary>
    Programme = 1,

    /// <summary>One shared service's or project's register.</summary>
    Service = 2,

    /// <summary>A council's corporate register.</summary>
    Council = 3,
}

/// <summary>
/// A risk register: the programme's own, one per shared service or project, or a council's corporate register.
/// The issues log sits beside it.
/// </summary>
public sealed class RiskRegister : IVersioned
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public RiskRegisterKind Kind { get; set; }

    /// <summary>The service or project it belongs to, for a service's register.</summary>
    public int? SharedServiceId { get; set; }

    public SharedService? SharedService { get; set; }

    /// <summary>The council it belongs to, for a council's corporate register.</summary>
    public int? CouncilId { get; set; }

    public Council? Council { get; set; }

    /// <summary>The person who may change this register's risks and issues (administrators always may).</summary>
    public int OwnerId { get; set; }

    public Person? Owner { get; set; }

    /// <summary>Risks scoring above this get the board's attention.</summary>
    public int RiskAppetite { get; set; }

    /// <summary>
    /// The reporting date on which an administrator archived it: from then it is out of the register picker and the
    /// board's widgets, while its risks and issues stay readable. Null while in use.
    /// </summary>
    public DateOnly? ArchivedOn { get; set; }

    public bool IsArchived => ArchivedOn is not null;

    /// <summary>For a record seeded for the demo, where it is printed or that it is illustrative (<see cref="Provenance"/>); null otherwise.</summary>
    public string? Source { get; set; }

    public Guid Version { get; set; }

    public List<Risk> Risks { get; set; } = [];

    public List<RiskIssue> Issues { get; set; } = [];
}
