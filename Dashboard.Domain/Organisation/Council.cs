namespace Dashboard.Domain.Organisation;

/// <summary>A council taking part in the shared services (BDC, RBC, and any that join later).</summary>
public sealed class Council
{
    public int Id { get; set; }

    /// <summary>Short code used in tables and column headers, e.g. "BDC".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The council a spreadsheet cell names, by code ("BDC") or full name, in any case; null when none.</summary>
    public static Council? Named(string text, IEnumerable<Council> councils) =>
        councils.FirstOrDefault(c => string.Equals(c.Code, text, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase));
}
