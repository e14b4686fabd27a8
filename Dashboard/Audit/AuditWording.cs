using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Components.Shared;
using Dashboard.Data;
using Dashboard.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Audit;

/// <summary>
/// The audit trail in words a person reads: what kind of thing changed ("Status card", not StatusUpdate), which one
/// ("ICT — December 2010"), which field ("Reason for change") and when, on the councils' clock.
/// </summary>
public static partial class AuditWording
{
    private static readonly Dictionary<string, string> TypeNames = new()
    {
        ["StatusUpdate"] = "Status card",
        ["SharedService"] = "Service or project",
        ["PiValue"] = "PI figure",
        ["PiTarget"] = "PI target",
        ["PiBaseline"] = "PI baseline",
        ["PerformanceIndicator"] = "Performance indicator",
        ["RiskIssue"] = "Issue",
        ["Person"] = "Person",
    };

    public static string TypeName(string entityType) => TypeNames.TryGetValue(entityType, out var name) ? name : Words(entityType);

    /// <summary>"ReasonForChange" → "Reason for change"; an id column names what it points at ("PersonId" → "Person").</summary>
    public static string FieldName(string property) => Words(property.EndsWith("Id", StringComparison.Ordinal) && property.Length > 2 ? property[..^2] : property);

    /// <summary>
    /// One changed value: what a new record was given, what a deleted one had, else before → after; a person's id
    /// (an owner, a director, who entered it) by their name.
    /// </summary>
    public static string ValueChange(AuditEntry entry, AuditChange change, PeopleInChanges? people = null)
    {
        string Shown(string? value) => people?.Name(entry.EntityType, change.Property, value) ?? value ?? "(empty)";
        return entry.Action switch
        {
            AuditAction.Created => Shown(change.New),
            AuditAction.Deleted => $"was {Shown(change.Old)}",
            _ => $"{Shown(change.Old)} → {Shown(change.New)}",
        };
    }

    /// <summary>An entry's changes on one line, for an export: "Status: Green → Amber; Reason for change: (empty) → …".</summary>
    public static string ChangesText(AuditEntry entry, PeopleInChanges? people = null) =>
        string.Join("; ", AuditChange.Parse(entry.Changes).Select(c => $"{FieldName(c.Property)}: {ValueChange(entry, c, people)}"));

    /// <summary>The people whose ids the entries' changed values hold, for <see cref="ValueChange"/>.</summary>
    public static async Task<PeopleInChanges> PeopleInChangesAsync(DashboardDbContext db, IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        // Which columns hold a person's id comes from the model's foreign keys, so a new one is named without a list to keep.
        var columns = db.Model.GetEntityTypes()
            .SelectMany(t => t.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(Dashboard.Domain.Organisation.Person))
                .SelectMany(fk => fk.Properties.Select(p => (Type: t.ClrType == typeof(Dashboard.Auth.ApplicationUser) ? "Account" : t.ClrType.Name, p.Name))))
            .ToHashSet();
        var ids = entries
            .SelectMany(e => AuditChange.Parse(e.Changes).Where(c => columns.Contains((e.EntityType, c.Property))).SelectMany(c => (string?[])[c.Old, c.New]))
            .Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id.ToString(CultureInfo.InvariantCulture), p => p.Name, cancellationToken);
        return new PeopleInChanges(columns, names);
    }

    /// <summary>"3 Dec 2026 06:50" in Europe/London.</summary>
    public static string When(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Dashboard.Domain.Time.ReportingClock.London).ToString("d MMM yyyy HH:mm", UkFormat.Culture);

    /// <summary>
    /// What each entry's record is called today, for the entries on one page of the trail; a record since deleted keeps its id.
    /// </summary>
    public static async Task<IReadOnlyDictionary<(string Type, string Id), string>> RecordNamesAsync(DashboardDbContext db, IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        var names = new Dictionary<(string, string), string>();
        List<int> Ids(string type) => [.. entries.Where(e => e.EntityType == type).Select(e => int.TryParse(e.EntityId, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct()];
        void Add<T>(string type, IEnumerable<T> rows, Func<T, int> id, Func<T, string> name)
        {
            foreach (var row in rows)
            {
                names[(type, id(row).ToString(CultureInfo.InvariantCulture))] = name(row);
            }
        }

        var people = Ids("Person");
        Add("Person", await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken), p => p.Id, p => p.Name);
        var services = Ids("SharedService");
        Add("SharedService", await db.SharedServices.AsNoTracking().Where(s => services.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken), s => s.Id, s => s.Name);
        var cards = Ids("StatusUpdate");
        Add("StatusUpdate", await db.StatusUpdates.AsNoTracking().Where(u => cards.Contains(u.Id)).Select(u => new { u.Id, u.SharedService!.Name, u.Period }).ToListAsync(cancellationToken),
            u => u.Id, u => $"{u.Name} — {UkFormat.Month(u.Period)}");
        var risks = Ids("Risk");
        Add("Risk", await db.Risks.AsNoTracking().Where(r => risks.Contains(r.Id)).Select(r => new { r.Id, r.Ref, r.Title }).ToListAsync(cancellationToken), r => r.Id, r => $"{r.Ref} {r.Title}");
        var registers = Ids("RiskRegister");
        Add("RiskRegister", await db.RiskRegisters.AsNoTracking().Where(r => registers.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken), r => r.Id, r => r.Name);
        var indicators = Ids("PerformanceIndicator");
        Add("PerformanceIndicator", await db.PerformanceIndicators.AsNoTracking().Where(p => indicators.Contains(p.Id)).Select(p => new { p.Id, p.Ref, p.Description }).ToListAsync(cancellationToken),
            p => p.Id, p => $"{p.Ref} {p.Description}");

        var accountIds = entries.Where(e => e.EntityType is "Account" or "Role assignment").Select(e => e.EntityId.Split(':')[0]).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => accountIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.Person != null ? u.Person.Name : u.Email }).ToDictionaryAsync(u => u.Id, u => u.Name ?? u.Id, cancellationToken);
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? r.Id, cancellationToken);
        foreach (var entry in entries.Where(e => e.EntityType is "Account" or "Role assignment"))
        {
            var parts = entry.EntityId.Split(':');
            var who = accounts.GetValueOrDefault(parts[0]);
            if (who is null)
            {
                continue;
            }

            names[(entry.EntityType, entry.EntityId)] = parts.Length == 2 && roles.TryGetValue(parts[1], out var role) ? $"{who} — {role}" : $"{who}'s sign-in account";
        }

        return names;
    }

    private static string Words(string pascal)
    {
        var spaced = PascalWords().Replace(pascal, " $1").Trim();
        return spaced.Length == 0 ? pascal : char.ToUpperInvariant(spaced[0]) + spaced[1..].ToLowerInvariant().Replace(" pi ", " PI ", StringComparison.Ordinal);
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex PascalWords();
}

/// <summary>The audited columns that hold a person's id, and the names of the people the shown entries mention.</summary>
public sealed record PeopleInChanges(IReadOnlySet<(string Type, string Property)> Columns, IReadOnlyDictionary<string, string> Names)
{
    /// <summary>The person's name for an id in a person column (a person since erased keeps their id); otherwise null.</summary>
    public string? Name(string entityType, string property, string? value) =>
        value is not null && Columns.Contains((entityType, property)) && Names.TryGetValue(value, out var name) ? name : null;
}
