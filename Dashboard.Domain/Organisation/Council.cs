namespace Dashboard.Domain.Organisation;

/// <summary>A council taking part in the shared services (BDC, RBC, and any that join later).</summary>
public sealed class Council
{
    public int Id { get; set; }

    /// <summary>Short code used in tables and column headers, e.g. "BDC".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
}
