using Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin;

/// <summary>A person as an owner or director picker shows them.</summary>
public sealed record PersonChoice(int Id, string Name, string? JobTitle, bool IsActive)
{
    /// <summary>"Alex Morgan (Head of ICT)"; a deactivated person says so, for a value kept from before.</summary>
    public string Label => (JobTitle is null ? Name : $"{Name} ({JobTitle})") + (IsActive ? "" : " — deactivated");
}

/// <summary>The people and councils the set-up screens offer.</summary>
public static class OwnerChoices
{
    /// <summary>
    /// Everyone, by name, so a form can still name an owner who has since been deactivated; pickers offer only
    /// the active ones (<see cref="PersonChoice.IsActive"/>).
    /// </summary>
    public static async Task<IReadOnlyList<PersonChoice>> PeopleAsync(DashboardDbContext db, CancellationToken cancellationToken = default) =>
        await db.People.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new PersonChoice(p.Id, p.Name, p.JobTitle, p.DeactivatedAt == null))
            .ToListAsync(cancellationToken);

    /// <summary>The ids of the people who may own or direct something now (not deactivated).</summary>
    public static async Task<IReadOnlySet<int>> ActivePeopleAsync(DashboardDbContext db, CancellationToken cancellationToken = default) =>
        (await db.People.Where(p => p.DeactivatedAt == null).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
}
