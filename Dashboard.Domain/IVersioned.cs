namespace Dashboard.Domain;

/// <summary>
/// Something two people might edit at once. The version changes on every save, so the second
/// save of a stale copy is detected instead of silently overwriting the first.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
