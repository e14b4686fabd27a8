namespace Dashboard.Domain.Organisation;

/// <summary>What the dashboard needs to know about a person before anyone can own or escalate to them.</summary>
/// <param name="Id">The person's id.</param>
/// <param name="Name">As shown everywhere in the dashboard.</param>
/// <param name="Email">Where their reminders and sign-in links go, if they have one.</param>
/// <param name="DirectorId">The director copied in on escalations.</param>
/// <param name="IsActive">False once an administrator has deactivated them.</param>
public sealed record PersonEntry(int Id, string Name, string? Email, int? DirectorId, bool IsActive);

/// <summary>An administrator's details for a new or existing person, as typed.</summary>
public sealed record PersonInput
{
    public const int NameMaxLength = 200;

    public const int JobTitleMaxLength = 200;

    public const int EmailMaxLength = 256;

    public const string MalformedEmail = "Enter an email address like name@bromsgrove.gov.uk.";

    public string? Name { get; set; }

    public string? JobTitle { get; set; }

    public string? Email { get; set; }

    public int? CouncilId { get; set; }

    /// <summary>The director copied in when this person's updates are escalated.</summary>
    public int? DirectorId { get; set; }

    public static PersonInput From(Person person) => new()
    {
        Name = person.Name,
        JobTitle = person.JobTitle,
        Email = person.Email,
        CouncilId = person.CouncilId,
        DirectorId = person.DirectorId,
    };

    /// <summary>Messages per field; empty when the details can be saved.</summary>
    /// <param name="personId">The person being edited; null for a new person.</param>
    /// <param name="people">Everyone in the dashboard (including the person being edited, as saved).</param>
    /// <param name="councilIds">The councils a person can belong to.</param>
    public IReadOnlyDictionary<string, string> Validate(int? personId, IReadOnlyCollection<PersonEntry> people, IReadOnlyCollection<int> councilIds)
    {
        var errors = new Dictionary<string, string>();
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors[nameof(Name)] = "Enter the person's name.";
        }
        else if (name.Length > NameMaxLength)
        {
            errors[nameof(Name)] = $"Keep the name to {NameMaxLength} characters.";
        }

        if (JobTitle?.Trim().Length > JobTitleMaxLength)
        {
            errors[nameof(JobTitle)] = $"Keep the job title to {JobTitleMaxLength} characters.";
        }

        var email = Email?.Trim();
        if (!string.IsNullOrEmpty(email))
        {
            if (email.Length > EmailMaxLength)
            {
                errors[nameof(Email)] = $"Keep the email address to {EmailMaxLength} characters.";
            }
            else if (!EmailAddresses.IsWellFormed(email))
            {
                errors[nameof(Email)] = MalformedEmail;
            }
            else if (people.FirstOrDefault(p => p.Id != personId && string.Equals(p.Email?.Trim(), email, StringComparison.OrdinalIgnoreCase)) is { } holder)
            {
                errors[nameof(Email)] = $"{holder.Name} already has this email address: each person needs their own.";
            }
        }

        if (CouncilId is { } councilId && !councilIds.Contains(councilId))
        {
            errors[nameof(CouncilId)] = "Choose a council from the list.";
        }

        if (DirectorId is { } directorId && DirectorRefusal(personId, directorId, name, people) is { } refusal)
        {
            errors[nameof(DirectorId)] = refusal;
        }

        return errors;
    }

    /// <summary>Copies the checked details onto the person; call only once <see cref="Validate"/> has found nothing.</summary>
    public void ApplyTo(Person person)
    {
        person.Name = Name!.Trim();
        person.JobTitle = string.IsNullOrWhiteSpace(JobTitle) ? null : JobTitle.Trim();
        person.Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        person.CouncilId = CouncilId;
        person.DirectorId = DirectorId;
    }

    private static string? DirectorRefusal(int? personId, int directorId, string? name, IReadOnlyCollection<PersonEntry> people)
    {
        if (directorId == personId)
        {
            return "A person cannot be their own director: choose someone else, or leave it empty.";
        }

        var director = people.FirstOrDefault(p => p.Id == directorId);
        if (director is null)
        {
            return "Choose the director from the list.";
        }

        if (!director.IsActive)
        {
            return $"{director.Name} has been deactivated: choose an active person as director.";
        }

        if (personId is { } self)
        {
            var directors = people.ToDictionary(p => p.Id, p => p.DirectorId);
            directors[self] = directorId;
            if (DirectorChain.LoopsBack(directors, self))
            {
                return $"{director.Name} already reports, directly or through others, to {(string.IsNullOrEmpty(name) ? "this person" : name)}: choosing them would make a loop.";
            }
        }

        return null;
    }
}

/// <summary>Who reports to whom, followed upwards for escalations.</summary>
public static class DirectorChain
{
    /// <summary>Whether following directors up from <paramref name="start"/> ever comes back to someone already passed.</summary>
    public static bool LoopsBack(IReadOnlyDictionary<int, int?> directorOf, int start)
    {
        var seen = new HashSet<int> { start };
        var current = start;
        while (directorOf.TryGetValue(current, out var next) && next is { } director)
        {
            if (!seen.Add(director))
            {
                return true;
            }

            current = director;
        }

        return false;
    }

    /// <summary>The directors above <paramref name="start"/>, nearest first, stopping before any repeats.</summary>
    public static IEnumerable<int> Upwards(IReadOnlyDictionary<int, int?> directorOf, int start)
    {
        var seen = new HashSet<int> { start };
        var current = start;
        while (directorOf.TryGetValue(current, out var next) && next is { } director && seen.Add(director))
        {
            yield return director;
            current = director;
        }
    }
}

/// <summary>What an email address must look like before reminders and sign-in links are sent to it.</summary>
public static class EmailAddresses
{
    private const string LocalSymbols = "!#$%&'*+/=?^_`{|}~.-";

    /// <summary>
    /// A plain address (no display name): a local part of letters, digits and the usual symbols, one @, and a domain
    /// of dot-separated labels ending in a top-level domain of at least two letters, e.g. name@bromsgrove.gov.uk.
    /// </summary>
    public static bool IsWellFormed(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > PersonInput.EmailMaxLength)
        {
            return false;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || at > 64)
        {
            return false;
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || !local.All(c => char.IsAsciiLetterOrDigit(c) || LocalSymbols.Contains(c)))
        {
            return false;
        }

        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-') && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            && labels[^1].Length >= 2 && labels[^1].All(char.IsAsciiLetter);
    }
}
