namespace Dashboard.Domain.Performance;

/// <summary>An administrator's new catalogue entry, as typed; targets and baselines follow on the indicator's page.</summary>
public sealed record NewIndicatorInput
{
    public const int RefMaxLength = 30;

    public const int UnitMaxLength = 30;

    public string? Ref { get; set; }

    public string? Description { get; set; }

    public string? Unit { get; set; }

    public Polarity? Polarity { get; set; }

    public CollectionFrequency? Frequency { get; set; }

    public YtdAggregation? Aggregation { get; set; }

    public string? TolerancePercent { get; set; } = "5";

    public bool IsDataOnly { get; set; }

    public bool AllowsNegative { get; set; }

    public int? DecimalPlaces { get; set; } = 2;

    public int? OwnerId { get; set; }

    public int? SharedServiceId { get; set; }

    /// <summary>Messages per field; empty when the entry can be created.</summary>
    /// <param name="existingRefs">Every reference already in the catalogue: a reference names one indicator.</param>
    public IReadOnlyDictionary<string, string> Validate(IEnumerable<string> existingRefs)
    {
        var errors = new Dictionary<string, string>();
        var reference = Ref?.Trim();
        if (string.IsNullOrEmpty(reference))
        {
            errors[nameof(Ref)] = "Give the indicator its reference, e.g. NI 191.";
        }
        else if (reference.Length > RefMaxLength)
        {
            errors[nameof(Ref)] = $"Keep the reference to {RefMaxLength} characters.";
        }
        else if (existingRefs.FirstOrDefault(r => string.Equals(r.Trim(), reference, StringComparison.OrdinalIgnoreCase)) is { } taken)
        {
            errors[nameof(Ref)] = $"{taken} is already in the catalogue: choose another reference.";
        }

        CatalogueInput.CheckDescriptionAndTolerance(Description, TolerancePercent, errors);
        if (string.IsNullOrWhiteSpace(Unit))
        {
            errors[nameof(Unit)] = "Say how values are written, e.g. kg, % or days.";
        }
        else if (Unit.Trim().Length > UnitMaxLength)
        {
            errors[nameof(Unit)] = $"Keep the unit to {UnitMaxLength} characters.";
        }

        if (Polarity is null || !Enum.IsDefined(Polarity.Value))
        {
            errors[nameof(Polarity)] = "Choose whether higher or lower is better.";
        }

        if (Frequency is null || !Enum.IsDefined(Frequency.Value))
        {
            errors[nameof(Frequency)] = "Choose how often figures are collected.";
        }

        if (Aggregation is null || !Enum.IsDefined(Aggregation.Value))
        {
            errors[nameof(Aggregation)] = "Choose how the periods add up to a year-to-date figure.";
        }

        if (DecimalPlaces is not (>= 0 and <= 4))
        {
            errors[nameof(DecimalPlaces)] = "Choose from 0 to 4 decimal places.";
        }

        if (OwnerId is null)
        {
            errors[nameof(OwnerId)] = "Choose who reports the figures.";
        }

        return errors;
    }

    /// <summary>The catalogue entry; call only once <see cref="Validate"/> has found nothing.</summary>
    public PerformanceIndicator ToIndicator() => new()
    {
        Ref = Ref!.Trim(),
        Description = Description!.Trim(),
        Unit = Unit!.Trim(),
        Polarity = Polarity!.Value,
        Frequency = Frequency!.Value,
        Aggregation = Aggregation!.Value,
        TolerancePercent = CatalogueInput.ParseTolerance(TolerancePercent)!.Value,
        IsDataOnly = IsDataOnly,
        AllowsNegative = AllowsNegative,
        DecimalPlaces = DecimalPlaces!.Value,
        OwnerId = OwnerId!.Value,
        SharedServiceId = SharedServiceId,
    };
}
