namespace Dashboard.Domain.Services;

/// <summary>Red / Amber / Green status, as section 15 of the progress report defines it.</summary>
public enum Rag
{
    Green = 1,
    Amber = 2,
    Red = 3,
}

public static class RagDefinitions
{
    public static string Describe(Rag rag) => rag switch
    {
        Rag.Green => "On track to achieve the stated benefits and performing satisfactorily.",
        Rag.Amber => "Some performance issues and/or issues with achieving stated benefits, but these are expected to be eventually resolved.",
        Rag.Red => "Some performance issues and/or issues with achieving the stated benefits, and these are not all expected to be resolved.",
        _ => throw new ArgumentOutOfRangeException(nameof(rag), rag, "Unknown status."),
    };

    /// <summary>Amber and Red call for a reason on the status card and a highlight report for projects.</summary>
    public static bool NeedsAttention(Rag rag) => rag is Rag.Amber or Rag.Red;
}
