namespace Dashboard.Domain.Risks;

/// <summary>What a manager types to add or edit a risk; validated before anything is saved.</summary>
public sealed record RiskInput(string? Ref, string? Title, string? Mitigation, int? Likelihood, int? Impact, string? Reason, int? TargetLikelihood, int? TargetImpact)
{
    /// <summary>Who owns the risk; a new risk without one belongs to the register's owner.</summary>
    public int? OwnerId { get; init; }

    /// <summary>The one council the risk concerns; null when it concerns both.</summary>
    public int? CouncilId { get; init; }

    /// <summary>A new risk's first review; one band cadence from today when not given.</summary>
    public DateOnly? NextReview { get; init; }

    /// <summary>
    /// Plain-English problems keyed by field name; empty when the input can be saved. A new risk without
    /// a reference is given the register's next one, so only its length is checked here.
    /// </summary>
    /// <param name="today">The reporting date; a new risk's next review may not fall before it.</param>
    public IReadOnlyDictionary<string, string> Validate(bool isNew, DateOnly? today = null)
    {
        var errors = new Dictionary<string, string>();
        if (Ref is { Length: > RiskReference.MaxLength })
        {
            errors[nameof(Ref)] = $"A reference is at most {RiskReference.MaxLength} characters.";
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

            if (NextReview is { } review && today is { } now && review < now)
            {
                errors[nameof(NextReview)] = "The first review cannot be in the past.";
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
                errors[field] = $"Give the {name}, from 1 (Low) to 4.";
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
