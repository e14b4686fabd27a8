namespace Dashboard.Domain.Risks;

/// <summary>What a manager types to add or edit an entry in the issues log; validated before anything is saved.</summary>
public sealed record IssueInput(
    string? Description,
    int? OwnerId,
    IssuePriority? Priority,
    DateOnly? RaisedOn,
    IssueStatus? Status,
    string? Action,
    string? Resolution)
{
    /// <summary>Plain-English problems keyed by field name; empty when the input can be saved.</summary>
    public IReadOnlyDictionary<string, string> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Description))
        {
            errors[nameof(Description)] = "Describe the issue: what has happened.";
        }

        if (OwnerId is null)
        {
            errors[nameof(OwnerId)] = "Choose who owns the issue.";
        }

        if (Priority is not { } priority || !Enum.IsDefined(priority))
        {
            errors[nameof(Priority)] = "Choose a priority: High, Medium or Low.";
        }

        if (RaisedOn is not { } raised)
        {
            errors[nameof(RaisedOn)] = "Give the date the issue was raised.";
        }
        else if (raised > today)
        {
            errors[nameof(RaisedOn)] = "An issue cannot be raised on a date still to come.";
        }

        if (Status is not { } status || !Enum.IsDefined(status))
        {
            errors[nameof(Status)] = "Choose a status: Open, In progress or Resolved.";
        }
        else if (status == IssueStatus.Resolved && string.IsNullOrWhiteSpace(Resolution))
        {
            errors[nameof(Resolution)] = "Say how the issue was resolved before closing it.";
        }

        return errors;
    }
}

public static class IssueText
{
    /// <summary>How the issues log writes a status.</summary>
    public static string Describe(this IssueStatus status) => status switch
    {
        IssueStatus.InProgress => "In progress",
        _ => status.ToString(),
    };
}
