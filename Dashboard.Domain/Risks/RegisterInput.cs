namespace Dashboard.Domain.Risks;

/// <summary>A register already in the dashboard, as the checks of a new or changed one need it.</summary>
public sealed record ExistingRegister(int Id, string Name, RiskRegisterKind Kind, int? SharedServiceId, int? CouncilId, bool IsArchived);

/// <summary>What the checks of a register need to know about the rest of the dashboard.</summary>
/// <param name="Others">Every other register, archived ones included (a name means one register).</param>
/// <param name="ActivePeople">The people who may own a register (not deactivated).</param>
/// <param name="OpenServices">The services and projects, not archived, by id with their names.</param>
/// <param name="Councils">The councils, by id with their names.</param>
public sealed record RegisterChoices(
    IReadOnlyCollection<ExistingRegister> Others,
    IReadOnlySet<int> ActivePeople,
    IReadOnlyDictionary<int, string> OpenServices,
    IReadOnlyDictionary<int, string> Councils);

/// <summary>
/// An administrator's risk register, as typed in. Whose register it is (programme, a service's, a council's) is
/// chosen when it is created; later only its name, owner and appetite change.
/// </summary>
public sealed record RegisterInput
{
    public const int NameMaxLength = 200;

    /// <summary>The lowest and highest scores likelihood × impact can make on the councils' 4 × 4 matrix.</summary>
    public const int LowestScore = 1;

    public const int HighestScore = 16;

    public string? Name { get; set; }

    public RiskRegisterKind? Kind { get; set; }

    public int? SharedServiceId { get; set; }

    public int? CouncilId { get; set; }

    public int? OwnerId { get; set; }

    /// <summary>Risks scoring above it are flagged for the board: a score from 1 to 16.</summary>
    public int? RiskAppetite { get; set; } = 6;

    public static RegisterInput From(RiskRegister register) => new()
    {
        Name = register.Name,
        Kind = register.Kind,
        SharedServiceId = register.SharedServiceId,
        CouncilId = register.CouncilId,
        OwnerId = register.OwnerId,
        RiskAppetite = register.RiskAppetite,
    };

    /// <summary>Plain-English problems keyed by field name; empty when the register can be saved.</summary>
    /// <param name="choices">The other registers, the active people, the open services and the councils.</param>
    /// <param name="isNew">Whose register it is is checked only when it is created; it does not change afterwards.</param>
    public IReadOnlyDictionary<string, string> Validate(RegisterChoices choices, bool isNew)
    {
        var errors = new Dictionary<string, string>();
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors[nameof(Name)] = "Give the register a name, e.g. Shared Services Programme.";
        }
        else if (name.Length > NameMaxLength)
        {
            errors[nameof(Name)] = $"Keep the name to {NameMaxLength} characters.";
        }
        else if (choices.Others.FirstOrDefault(r => string.Equals(r.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)) is { } taken)
        {
            errors[nameof(Name)] = $"There is already a register called {taken.Name}{(taken.IsArchived ? " (archived)" : "")}: choose another name.";
        }

        if (isNew)
        {
            CheckWhose(choices, errors);
        }

        if (OwnerId is not { } owner)
        {
            errors[nameof(OwnerId)] = "Choose the register's owner: they may change its risks and issues.";
        }
        else if (!choices.ActivePeople.Contains(owner))
        {
            errors[nameof(OwnerId)] = "That person has been deactivated or is not in the dashboard: choose an active person.";
        }

        if (RiskAppetite is not (>= LowestScore and <= HighestScore))
        {
            errors[nameof(RiskAppetite)] = $"Choose a risk appetite from {LowestScore} to {HighestScore}: the highest score (likelihood × impact) the board accepts without flagging.";
        }

        return errors;
    }

    private void CheckWhose(RegisterChoices choices, Dictionary<string, string> errors)
    {
        switch (Kind)
        {
            case RiskRegisterKind.Programme:
                break;
            case RiskRegisterKind.Service when SharedServiceId is not { } service:
                errors[nameof(SharedServiceId)] = "Choose the service or project whose risks it holds.";
                return;
            case RiskRegisterKind.Service when !choices.OpenServices.ContainsKey(SharedServiceId!.Value):
                errors[nameof(SharedServiceId)] = "That service is archived or no longer exists: choose another.";
                return;
            case RiskRegisterKind.Council when CouncilId is not { } council:
                errors[nameof(CouncilId)] = "Choose the council whose corporate register it is.";
                return;
            case RiskRegisterKind.Council when !choices.Councils.ContainsKey(CouncilId!.Value):
                errors[nameof(CouncilId)] = "Choose one of the councils.";
                return;
            case RiskRegisterKind.Service or RiskRegisterKind.Council:
                break;
            default:
                errors[nameof(Kind)] = "Choose whose register it is: the programme's, a service's or a council's.";
                return;
        }

        if (Clash(Kind!.Value, SharedServiceId, CouncilId, choices.Others) is { } clash)
        {
            errors[FieldOf(Kind.Value)] = Describe(Kind.Value, clash, choices);
        }
    }

    /// <summary>
    /// The register already in use for the same subject: the programme has one register, each service one and
    /// each council one corporate register, so "the programme register" on the board is never ambiguous.
    /// </summary>
    public static ExistingRegister? Clash(RiskRegisterKind kind, int? serviceId, int? councilId, IEnumerable<ExistingRegister> others) =>
        others.FirstOrDefault(r => !r.IsArchived && r.Kind == kind && kind switch
        {
            RiskRegisterKind.Service => r.SharedServiceId == serviceId,
            RiskRegisterKind.Council => r.CouncilId == councilId,
            _ => true,
        });

    /// <summary>Why a register cannot be created or restored beside <paramref name="clash"/>.</summary>
    public static string Describe(RiskRegisterKind kind, ExistingRegister clash, RegisterChoices choices) => kind switch
    {
        RiskRegisterKind.Service =>
            $"{choices.OpenServices.GetValueOrDefault(clash.SharedServiceId ?? 0, "That service")} already has a register in use ({clash.Name}): archive it first.",
        RiskRegisterKind.Council =>
            $"{choices.Councils.GetValueOrDefault(clash.CouncilId ?? 0, "That council")} already has a corporate register in use ({clash.Name}): archive it first.",
        _ => $"The programme already has a register in use ({clash.Name}): archive it first.",
    };

    private static string FieldOf(RiskRegisterKind kind) => kind switch
    {
        RiskRegisterKind.Service => nameof(SharedServiceId),
        RiskRegisterKind.Council => nameof(CouncilId),
        _ => nameof(Kind),
    };

    /// <summary>The appetite in words, e.g. "Risks scoring above 6 are flagged; 6 is in the Medium score band (4–7)."</summary>
    public static string DescribeAppetite(int appetite, ScoreBandSet bands)
    {
        if (appetite is < LowestScore or > HighestScore)
        {
            return $"Choose a score from {LowestScore} to {HighestScore}.";
        }

        var band = bands.BandOf(appetite);
        var flagged = appetite == HighestScore ? "No risk can score above 16, so none is flagged" : $"Risks scoring above {appetite} are flagged";
        return $"{flagged}; {appetite} is in the {band.Name} score band ({band.MinScore}–{band.MaxScore}).";
    }

    /// <summary>
    /// Copies name, owner and appetite (and, for a new register, whose it is); call only once <see cref="Validate"/> has
    /// found nothing. The register is then the editor's, not the demo's, so it loses its provenance.
    /// </summary>
    public void ApplyTo(RiskRegister register, bool isNew)
    {
        register.Name = Name!.Trim();
        register.OwnerId = OwnerId!.Value;
        register.RiskAppetite = RiskAppetite!.Value;
        register.Source = null;
        if (isNew)
        {
            register.Kind = Kind!.Value;
            register.SharedServiceId = Kind == RiskRegisterKind.Service ? SharedServiceId : null;
            register.CouncilId = Kind == RiskRegisterKind.Council ? CouncilId : null;
        }
    }
}
