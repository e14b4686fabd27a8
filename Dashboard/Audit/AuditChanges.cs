using System.Text.Json;

namespace Dashboard.Audit;

/// <summary>An audit entry's changes as rows a person can read.</summary>
public sealed record AuditChange(string Property, string? Old, string? New)
{
    public static IReadOnlyList<AuditChange> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Select(p => new AuditChange(p.Name, Text(p.Value, "old"), Text(p.Value, "new")))
            .ToList();
    }

    private static string? Text(JsonElement change, string side) =>
        change.TryGetProperty(side, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
