namespace Dashboard.Domain.Finance;

/// <summary>What an administrator or the line's owner types for a savings line; amounts as typed, checked before saving.</summary>
public sealed record SavingsLineInput
{
    public int? CouncilId { get; set; }

    /// <summary>True for a saving the councils have not split between them (then <see cref="CouncilId"/> is empty).</summary>
    public bool NotSplit { get; set; }

    public int? FinancialYear { get; set; }

    public string? Description { get; set; }

    public int? SharedServiceId { get; set; }

    public int? OwnerId { get; set; }

    public string? Target { get; set; }

    public string? Forecast { get; set; }

    /// <summary>Blank while delivered to date has not been reported.</summary>
    public string? Delivered { get; set; }

    public string? Commentary { get; set; }

    /// <summary>Plain-English problems keyed by field name; empty when the line can be saved.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (NotSplit ? CouncilId is not null : CouncilId is null)
        {
            errors[nameof(CouncilId)] = NotSplit
                ? "A saving not split between the councils has no council: choose one or the other."
                : "Choose the council whose budget the saving falls in, or \"Both councils, not split\".";
        }

        if (FinancialYear is not (>= 2000 and <= 2100))
        {
            errors[nameof(FinancialYear)] = "Choose the financial year, e.g. 2010/11.";
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            errors[nameof(Description)] = "Describe the saving, e.g. \"Single management team\".";
        }
        else if (Description.Trim().Length > SavingsLine.DescriptionMaxLength)
        {
            errors[nameof(Description)] = $"Keep the description to {SavingsLine.DescriptionMaxLength} characters.";
        }

        if (OwnerId is null)
        {
            errors[nameof(OwnerId)] = "Choose who keeps this line's forecast and delivered figures up to date.";
        }

        CheckAmount(Target, nameof(Target), "target", required: true, errors);
        CheckAmount(Forecast, nameof(Forecast), "forecast", required: true, errors);
        CheckAmount(Delivered, nameof(Delivered), "delivered to date", required: false, errors);

        if (Commentary?.Trim().Length > SavingsLine.CommentaryMaxLength)
        {
            errors[nameof(Commentary)] = $"Keep the commentary to {SavingsLine.CommentaryMaxLength} characters.";
        }

        return errors;
    }

    /// <summary>Writes the checked input onto the line; call only once <see cref="Validate"/> has found nothing.</summary>
    public void ApplyTo(SavingsLine line)
    {
        line.CouncilId = NotSplit ? null : CouncilId;
        line.FinancialYear = FinancialYear!.Value;
        line.Description = Description!.Trim();
        line.SharedServiceId = SharedServiceId;
        line.OwnerId = OwnerId;
        line.Target = Money.Parse(Target)!.Value;
        line.Forecast = Money.Parse(Forecast)!.Value;
        line.Delivered = Money.Parse(Delivered);
        line.Commentary = string.IsNullOrWhiteSpace(Commentary) ? null : Commentary.Trim();
    }

    /// <summary>
    /// What only an administrator may change: which saving it is and its target. The owner keeps the forecast,
    /// delivered to date and commentary up to date.
    /// </summary>
    public IReadOnlyList<string> AdministratorFieldsChanged(SavingsLine line)
    {
        var changed = new List<string>();
        if ((NotSplit ? null : CouncilId) != line.CouncilId)
        {
            changed.Add("council");
        }

        if (FinancialYear != line.FinancialYear)
        {
            changed.Add("financial year");
        }

        if (Description?.Trim() != line.Description)
        {
            changed.Add("description");
        }

        if (SharedServiceId != line.SharedServiceId)
        {
            changed.Add("service");
        }

        if (OwnerId != line.OwnerId)
        {
            changed.Add("owner");
        }

        if (Money.Parse(Target) != line.Target)
        {
            changed.Add("target");
        }

        return changed;
    }

    private static void CheckAmount(string? text, string field, string name, bool required, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[field] = $"Enter the {name} in pounds, e.g. 450,000.";
            }

            return;
        }

        if (Money.Parse(text) is not { } amount)
        {
            errors[field] = $"Enter the {name} in pounds and pence, e.g. 450,000 or 450,000.50.";
        }
        else if (amount < 0)
        {
            errors[field] = $"The {name} cannot be negative.";
        }
        else if (amount >= 1_000_000_000m)
        {
            errors[field] = $"The {name} must be under £1,000,000,000.";
        }
    }
}
