namespace Dashboard.Domain.Risks;

/// <summary>What a manager types to add or edit a risk; validated before anything is saved.</summary>
public sealed record RiskInput(string? Ref, string? Title, string? Mitigation, int? Likelihood, int? Impact, string? Reason, int? TargetLikelihood, int? TargetImpact)
{
    /// <summary>Plain-English problems keyed by field name; empty when the input can be saved.</summary>
    public IReadOnlyDictionary<string, string> Validate(bool isNew)
    {
        var errors = new Dictionary<string, string>();
        if (isNew && string.IsNullOrWhiteSpace(Ref))
        {
            errors[nameof(Ref)] = "Give the risk a reference, e.g. 15.";
        }
        else if (Ref is { Length: > 20 })
        {
            errors[nameof(Ref)] = "A reference is at most 20 characters.";
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            errors[nameof(Title)] = "Describe the risk.";
        }

        if (isNew)
        {
            CheckScale(errors, nameof(Likelihood), Likelihood, "likelihood", required: true);
            CheckScale(errors, nameof(Impact), Impact, "impact", required: true);
            if (string.IsNullOrWhiteSpace(Reason))
            {
                errors[nameof(Reason)] = "Say why the risk is scored as it is.";
            }
        }

        CheckScale(errors, nameof(TargetLikelihood), TargetLikelihood, "target likelihood", required: false);
        CheckScale(errors, nameof(TargetImpact), TargetImpact, "target impact", required: false);
        if (TargetLikelihood is null != TargetImpact is null)
        {
            errors[nameof(TargetImpact)] = "Give both a target likelihood and a target impact, or neither.";
        }

        return errors;
    }

    private static void CheckScale(Dictionary<string, string> errors, string field, int? value, string name, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors[field] = $"Choose a {name} from 1 to 4.";
            }
        }
        else if (!RiskScale.IsValid(value.Value))
        {
            errors[field] = $"The {name} must be from 1 (Low) to 4, not {value}.";
        }
    }
}

/// <summary>A re-assessment: new L and I with the reason, kept as history.</summary>
public sealed record ReassessmentInput(int? Likelihood, int? Impact, string? Reason)
{
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (Likelihood is not { } l || !RiskScale.IsValid(l))
        {
            errors[nameof(Likelihood)] = "Choose a likelihood from 1 (Low) to 4 (High).";
        }

        if (Impact is not { } i || !RiskScale.IsValid(i))
        {
            errors[nameof(Impact)] = "Choose an impact from 1 (Low) to 4 (Critical).";
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            errors[nameof(Reason)] = "Say why the score has changed (or been confirmed).";
        }

        return errors;
    }
}
