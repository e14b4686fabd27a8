namespace Dashboard.Hosting;

/// <summary>The "Demo" settings: seed the councils' own figures into an empty database.</summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>yyyy-MM-dd. While the demo is on, the reporting date is pinned here (the report's own date).</summary>
    public string? Today { get; set; }
}
