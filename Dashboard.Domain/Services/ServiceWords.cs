namespace Dashboard.Domain.Services;

/// <summary>
/// The words the administrators' screens and spreadsheets use for a service's table and arrangement, and the
/// words a spreadsheet may use for them (the screens' labels or the board report's shorter ones).
/// </summary>
public static class ServiceWords
{
    private static readonly (ServicePhase Phase, string Label, string[] Also)[] Phases =
    [
        (ServicePhase.Live, "Live shared service", ["Live", "Live service"]),
        (ServicePhase.ProjectUnderway, "Project underway", ["Project", "Shared services project underway"]),
    ];

    private static readonly (ServiceArrangement Arrangement, string Label, string[] Also)[] Arrangements =
    [
        (ServiceArrangement.BetweenTheCouncils, "Shared between the councils", ["Between the councils", "Shared"]),
        (ServiceArrangement.WettReceived, "Received from another council under WETT", ["WETT", "WETT received", "Received under WETT"]),
        (ServiceArrangement.WiderPartnership, "Wider partnership", ["Partnership"]),
    ];

    public static string Label(ServicePhase phase) => Phases.Single(p => p.Phase == phase).Label;

    public static string Label(ServiceArrangement arrangement) => Arrangements.Single(a => a.Arrangement == arrangement).Label;

    /// <summary>The labels a spreadsheet may use, for messages: "Live shared service or Project underway".</summary>
    public static string PhaseChoices => string.Join(" or ", Phases.Select(p => p.Label));

    public static string ArrangementChoices => string.Join(", ", Arrangements[..^1].Select(a => a.Label)) + " or " + Arrangements[^1].Label;

    /// <summary>The phase a cell names, in any case; null when it names none.</summary>
    public static ServicePhase? ParsePhase(string text) =>
        Phases.Where(p => Names(text, p.Label, p.Also)).Select(p => (ServicePhase?)p.Phase).FirstOrDefault();

    public static ServiceArrangement? ParseArrangement(string text) =>
        Arrangements.Where(a => Names(text, a.Label, a.Also)).Select(a => (ServiceArrangement?)a.Arrangement).FirstOrDefault();

    private static bool Names(string text, string label, string[] also) =>
        string.Equals(text.Trim(), label, StringComparison.OrdinalIgnoreCase) || also.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);
}
