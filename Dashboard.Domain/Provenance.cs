namespace Dashboard.Domain;

/// <summary>
/// Where a record seeded for the demo comes from, kept in its nullable <c>Source</c>: the reference of the councils'
/// paper that prints it (e.g. "Progress report §7.2", "Minute 40/10", "Appendix A"), or <see cref="Illustrative"/> when
/// it was made up for the demo. Records the councils enter themselves have none, so real data shows no tag; editing
/// a seeded record clears it, since what it then says is the editor's, not the paper's.
/// </summary>
public static class Provenance
{
    public const string Illustrative = "Illustrative";

    public const int MaxLength = 200;

    public static bool IsIllustrative(string? source) => source == Illustrative;

    /// <summary>What a tooltip or footnote says about a source; null for a record the councils entered.</summary>
    public static string? Explain(string? source) => source switch
    {
        null => null,
        Illustrative => "Illustrative: made up for the demo, not printed in the councils' papers.",
        _ => $"As printed: {source} (Bromsgrove and Redditch papers, December 2010 and January 2011).",
    };
}
