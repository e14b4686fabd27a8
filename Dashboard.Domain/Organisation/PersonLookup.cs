namespace Dashboard.Domain.Organisation;

/// <summary>A person an import can name: someone in the dashboard, or someone further down the same file.</summary>
/// <param name="Id">The person's id; a person only in the file has a made-up negative one.</param>
public sealed record NamedPerson(int Id, string Name, string? Email, bool IsActive);

/// <summary>
/// Finds the person a spreadsheet cell names, by email address (one person each) or by name as the dashboard shows it,
/// with a message a council officer can act on when the cell names nobody, somebody deactivated, or more than one person.
/// </summary>
public static class PersonLookup
{
    /// <param name="text">The cell's text, trimmed; never blank.</param>
    /// <param name="people">Everyone the cell may name.</param>
    /// <param name="role">What the person would become, for messages: "owner", "director".</param>
    /// <param name="mayBeBlank">Whether leaving the cell blank is allowed, so the message can say so.</param>
    /// <param name="keeping">Someone who already holds the role: they may stay in it even once deactivated.</param>
    /// <returns>The person's id, or why the cell names no one usable.</returns>
    public static (int? Id, string? Problem) Find(string text, IEnumerable<NamedPerson> people, string role, bool mayBeBlank, int? keeping = null)
    {
        var orBlank = mayBeBlank ? ", or leave the cell blank" : "";
        var byEmail = text.Contains('@', StringComparison.Ordinal);
        var matches = people.Where(p => byEmail
            ? string.Equals(p.Email?.Trim(), text, StringComparison.OrdinalIgnoreCase)
            : string.Equals(p.Name.Trim(), text, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches switch
        {
            [var one] when one.IsActive || one.Id == keeping => (one.Id, null),
            [_] => (null, $"“{text}” has been deactivated: name an active person as {role}{orBlank}."),
            [] when byEmail => (null, $"No one with the email address {text} is in the dashboard's list of people. Add them first, or name someone who is there{orBlank}."),
            [] => (null, $"No one called “{text}” is in the dashboard's list of people. Use a name as the dashboard shows it, or their email address{orBlank}."),
            _ => (null, $"More than one person is called “{text}”: give their email address instead."),
        };
    }
}
