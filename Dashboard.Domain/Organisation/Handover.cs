namespace Dashboard.Domain.Organisation;

/// <summary>
/// Handing everything a person owns (services, registers, risks, issues, indicators and the people they direct)
/// to one other person, typically when they leave.
/// </summary>
public static class Handover
{
    /// <summary>
    /// The new director of each person who reported to <paramref name="fromId"/>, or the reason the handover is refused.
    /// The receiver cannot direct themselves: if they reported to the leaver they move up to the leaver's own director.
    /// </summary>
    public static (IReadOnlyDictionary<int, int?> NewDirectors, string? Refusal) Plan(int fromId, int? toId, IReadOnlyCollection<PersonEntry> people)
    {
        var none = new Dictionary<int, int?>();
        var from = people.FirstOrDefault(p => p.Id == fromId);
        if (from is null)
        {
            return (none, "That person does not exist.");
        }

        if (toId is null)
        {
            return (none, $"Choose who takes over from {from.Name}.");
        }

        var to = people.FirstOrDefault(p => p.Id == toId);
        if (to is null)
        {
            return (none, "Choose the person taking over from the list.");
        }

        if (to.Id == from.Id)
        {
            return (none, $"Choose someone other than {from.Name} to take over.");
        }

        if (!to.IsActive)
        {
            return (none, $"{to.Name} has been deactivated: choose an active person to take over.");
        }

        var directors = people.ToDictionary(p => p.Id, p => p.DirectorId);
        var changes = new Dictionary<int, int?>();
        foreach (var report in people.Where(p => p.DirectorId == from.Id))
        {
            int? newDirector = report.Id == to.Id
                ? (from.DirectorId is { } up && up != to.Id ? up : null)
                : to.Id;
            changes[report.Id] = newDirector;
            directors[report.Id] = newDirector;
        }

        // Only the leaver's reports change, so any loop runs up from the receiver through one of them.
        if (DirectorChain.LoopsBack(directors, to.Id))
        {
            var stuck = DirectorChain.Upwards(directors, to.Id).First(changes.ContainsKey);
            var name = people.First(p => p.Id == stuck).Name;
            return (none, $"{to.Name} reports, directly or through others, to {name}, who reports to {from.Name}: "
                + $"handing over would make a loop. Change {name}'s director first, or choose someone else.");
        }

        return (changes, null);
    }
}
