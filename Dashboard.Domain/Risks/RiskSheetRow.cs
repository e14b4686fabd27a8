namespace Dashboard.Domain.Risks;

/// <summary>
/// One row of a risk register spreadsheet (Appendix A's columns: Ref, Risk, L, I, Score, Mitigation)
/// as read from a file, before it is matched with the register.
/// </summary>
public sealed record RiskSheetRow(string? Ref, string? Title, int? Likelihood, int? Impact, int? Score, string? Mitigation)
{
    /// <summary>Plain-English problems keyed by field name (the same names and words as <see cref="RiskInput"/>).</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(new RiskInput(Ref, Title, Mitigation, Likelihood, Impact, Reason: "Imported", null, null).Validate(isNew: true));
        if (string.IsNullOrWhiteSpace(Ref))
        {
            // A file's rows are matched to the register by reference, so re-importing a file must find the same risks.
            errors[nameof(Ref)] = "Give the risk's reference; a row without one cannot be matched to the register.";
        }

        if (Score is { } given && Likelihood is { } l && Impact is { } i && RiskScale.IsValid(l) && RiskScale.IsValid(i) && given != l * i)
        {
            errors[nameof(Score)] = $"The score is L × I = {l} × {i} = {l * i}, not {given}. Change L or I; the score follows from them.";
        }

        return errors;
    }
}
