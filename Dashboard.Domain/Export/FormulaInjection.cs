namespace Dashboard.Domain.Export;

/// <summary>
/// Spreadsheet programs run a cell that starts with = + - @ (or a tab / carriage return before one)
/// as a formula. Text written by users is exported with a leading apostrophe-like quote so it stays text.
/// </summary>
public static class FormulaInjection
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static bool IsDangerous(string? text) => !string.IsNullOrEmpty(text) && Triggers.Contains(text[0]);

    public static string? Neutralise(string? text) => IsDangerous(text) ? "'" + text : text;

    /// <summary>
    /// Undoes <see cref="Neutralise"/> when a file the app exported is imported again, so text such as
    /// "- see note" comes back exactly as it was written.
    /// </summary>
    public static string? Restore(string? text) => text is ['\'', .. var rest] && IsDangerous(rest) ? rest : text;
}
