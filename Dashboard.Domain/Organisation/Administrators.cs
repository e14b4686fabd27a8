namespace Dashboard.Domain.Organisation;

/// <summary>How a person might stop being an active administrator.</summary>
public enum AdministratorLoss
{
    RoleRemoved = 1,
    Deactivated = 2,
}

/// <summary>The councils must never be left without someone who can administer the dashboard.</summary>
public static class Administrators
{
    /// <summary>Why the change is refused, or null when other active administrators remain.</summary>
    /// <param name="personId">The person losing the role or being deactivated.</param>
    /// <param name="actingPersonId">The administrator making the change.</param>
    /// <param name="activeAdministrators">Everyone who can sign in as an administrator now (person ids; null for an account with no person).</param>
    /// <param name="loss">What the change does.</param>
    public static string? Refusal(int personId, int? actingPersonId, IReadOnlyCollection<int?> activeAdministrators, AdministratorLoss loss)
    {
        if (!activeAdministrators.Contains(personId) || activeAdministrators.Any(a => a != personId))
        {
            return null;
        }

        var yourself = personId == actingPersonId;
        return (loss, yourself) switch
        {
            (AdministratorLoss.RoleRemoved, true) =>
                "You are the only active administrator, so you cannot remove your own Administrator role: give someone else the role first.",
            (AdministratorLoss.Deactivated, true) =>
                "You are the only active administrator, so you cannot deactivate yourself: give someone else the Administrator role first.",
            (AdministratorLoss.RoleRemoved, false) =>
                "This is the only active administrator: give someone else the Administrator role before removing it here.",
            _ => "This is the only active administrator: give someone else the Administrator role before deactivating them.",
        };
    }
}
