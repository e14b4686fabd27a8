namespace Dashboard.Import;

public enum RowChange
{
    New = 1,
    Changed = 2,
    Unchanged = 3,
}

/// <summary>What importing one row would do.</summary>
/// <param name="Row">The row number in the file.</param>
/// <param name="Key">The row's key (its Ref).</param>
/// <param name="Differences">For a changed row, each change in words, e.g. "L 2 → 3".</param>
public sealed record PreviewRow(int Row, string Key, RowChange Change, IReadOnlyList<string> Differences);

/// <summary>
/// The result of reading a file against the stored data: either problems (and then nothing may be
/// imported) or, row by row, what importing would do.
/// </summary>
public sealed record ImportPreview(IReadOnlyList<ImportError> Errors, IReadOnlyList<PreviewRow> Rows)
{
    public bool IsValid => Errors.Count == 0;

    public int Count(RowChange change) => Rows.Count(r => r.Change == change);

    /// <summary>Rows that importing would add or change.</summary>
    public int Changes => Rows.Count(r => r.Change != RowChange.Unchanged);

    /// <summary>The same outcome row for row: what the person confirmed is still what would happen.</summary>
    public bool SameOutcomeAs(ImportPreview other) =>
        IsValid && other.IsValid && Rows.Count == other.Rows.Count
        && Rows.Zip(other.Rows).All(p => p.First.Row == p.Second.Row && p.First.Key == p.Second.Key && p.First.Change == p.Second.Change
            && p.First.Differences.SequenceEqual(p.Second.Differences));

    public static ImportPreview Failed(params ImportError[] errors) => new(errors, []);
}

/// <summary>How an apply ended: imported, or refused with the reason (and the preview that explains it).</summary>
public sealed record ImportOutcome(bool Applied, string? Refusal, ImportPreview Preview)
{
    public static ImportOutcome Refused(string refusal, ImportPreview? preview = null) => new(false, refusal, preview ?? ImportPreview.Failed());
}

/// <summary>How an import preview words one changed value.</summary>
public static class ImportDifference
{
    /// <summary>"Job title: “Head of ICT” → “Director of ICT”", or null when the value stays the same.</summary>
    public static string? Of(string label, string? was, string? now)
    {
        was = string.IsNullOrWhiteSpace(was) ? null : was.Trim();
        now = string.IsNullOrWhiteSpace(now) ? null : now.Trim();
        return was == now ? null : $"{label}: {Quoted(was)} → {Quoted(now)}";
    }

    private static string Quoted(string? value) => value is null ? "none" : $"“{(value.Length <= 60 ? value : value[..57] + "…")}”";
}
