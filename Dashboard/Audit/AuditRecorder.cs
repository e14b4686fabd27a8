using System.Text.Json;
using Dashboard.Auth;
using Dashboard.Domain.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Dashboard.Audit;

/// <summary>Turns tracked changes into audit entries; keys of new rows are read after they are saved.</summary>
internal static class AuditRecorder
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    // Secrets and bookkeeping that change on every sign-in are not audit material.
    private static readonly HashSet<string> IgnoredProperties =
    [
        nameof(ApplicationUser.PasswordHash), nameof(ApplicationUser.SecurityStamp), nameof(ApplicationUser.ConcurrencyStamp),
        nameof(ApplicationUser.NormalizedEmail), nameof(ApplicationUser.NormalizedUserName), nameof(ApplicationUser.AccessFailedCount),
        "Version",
    ];

    public sealed record Pending(EntityEntry Entry, AuditAction Action, Dictionary<string, object?> Changes)
    {
        public AuditEntry ToEntry(AuditActor actor, DateTimeOffset at) => new()
        {
            At = at,
            Actor = actor.Name,
            ActorPersonId = actor.PersonId,
            EntityType = EntityTypeName(Entry),
            EntityId = KeyOf(Entry),
            Action = Action,
            Changes = JsonSerializer.Serialize(Changes, Json),
        };
    }

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("The audit trail cannot be edited.");
                }

                continue;
            }

            if (!IsAudited(entry.Entity) || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var changes = new Dictionary<string, object?>();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (IgnoredProperties.Contains(name) || property.Metadata.IsShadowProperty() && !property.Metadata.IsForeignKey())
                {
                    continue;
                }

                switch (entry.State)
                {
                    case EntityState.Added:
                        if (!property.Metadata.IsPrimaryKey())
                        {
                            changes[name] = new { @new = Readable(property.CurrentValue) };
                        }

                        break;
                    case EntityState.Deleted:
                        changes[name] = new { old = Readable(property.OriginalValue) };
                        break;
                    case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                        changes[name] = new { old = Readable(property.OriginalValue), @new = Readable(property.CurrentValue) };
                        break;
                }
            }

            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            pending.Add(new Pending(entry, action, changes));
        }

        return pending;
    }

    // The reminder outbox (the reminder log page) and the rollup snapshots (versioned with who triggered them) are
    // their own records; data protection keys are secret key material, not a user's change.
    private static bool IsAudited(object entity) =>
        entity is not (IdentityUserToken<string> or IdentityUserLogin<string> or IdentityUserClaim<string> or IdentityRoleClaim<string>
            or Dashboard.Domain.Reminders.ReminderMessage or Dashboard.Domain.Reminders.ReminderItem
            or Dashboard.Domain.Rollups.QuarterlyRollup or Dashboard.Domain.Rollups.RollupFigure
            or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey);

    // An enum is kept by its name (Amber, not 2), so the trail reads the same after the enum's numbers change.
    private static object? Readable(object? value) => value is Enum named ? named.ToString() : value;

    private static string EntityTypeName(EntityEntry entry) => entry.Entity switch
    {
        IdentityUserRole<string> => "Role assignment",
        ApplicationUser => "Account",
        IdentityRole => "Role",
        _ => entry.Metadata.ClrType.Name,
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join(":", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
}
