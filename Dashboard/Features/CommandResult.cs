namespace Dashboard.Features;

/// <summary>
/// The outcome of a change made through any feature's commands: saved, or why not (per field where it is the
/// input's fault), so every page reports refusals and field errors the same way.
/// </summary>
public sealed record CommandResult(string? Error, IReadOnlyDictionary<string, string> FieldErrors)
{
    public static CommandResult Saved { get; } = new(null, new Dictionary<string, string>());

    public bool Succeeded => Error is null && FieldErrors.Count == 0;

    public static CommandResult Refused(string error) => new(error, new Dictionary<string, string>());

    public static CommandResult Invalid(IReadOnlyDictionary<string, string> fieldErrors) => new(null, fieldErrors);
}

