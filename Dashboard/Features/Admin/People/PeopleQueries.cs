using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin.People;

/// <summary>One line of the people list.</summary>
public sealed record PersonRow(int Id, string Name, string? JobTitle, string? Email, string? Council, string? Director, IReadOnlyList<string> Roles, AccountState State)
{
    /// <summary>Whether the row matches what the administrator typed in "Find": any part of the name or email, ignoring case.</summary>
    public bool Matches(string? search) =>
        string.IsNullOrWhiteSpace(search)
        || Name.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
        || Email?.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>A person as their page shows them.</summary>
public sealed record PersonDetail(
    int Id,
    string Name,
    PersonInput Details,
    string? JobTitle,
    string? Council,
    DateTimeOffset? DeactivatedAt,
    AccountState State,
    IReadOnlyList<string> Roles,
    DateTimeOffset? InvitedAt,
    DateTimeOffset? LastSignedInAt,
    DateTimeOffset? LockoutEnd)
{
    public bool IsActive => DeactivatedAt is null;
}

/// <summary>Someone who can be chosen as a director or to take over.</summary>
public sealed record PersonChoice(int Id, string Name, string? JobTitle, bool IsActive)
{
    public string Label => JobTitle is null ? Name : $"{Name}, {JobTitle}";
}

/// <summary>Something a person owns, with where to see it.</summary>
public sealed record OwnedItem(string Label, string? Href);

/// <summary>Everything a person owns: what a handover moves to someone else.</summary>
public sealed record OwnedItems(
    IReadOnlyList<OwnedItem> Services,
    IReadOnlyList<OwnedItem> RiskRegisters,
    IReadOnlyList<OwnedItem> Risks,
    IReadOnlyList<OwnedItem> Issues,
    IReadOnlyList<OwnedItem> Indicators,
    IReadOnlyList<OwnedItem> SavingsLines,
    IReadOnlyList<OwnedItem> People)
{
    public int Count => Services.Count + RiskRegisters.Count + Risks.Count + Issues.Count + Indicators.Count + SavingsLines.Count + People.Count;

    /// <summary>The groups with something in them, as headed on the person's page.</summary>
    public IEnumerable<(string Heading, IReadOnlyList<OwnedItem> Items)> Groups =>
        new (string, IReadOnlyList<OwnedItem>)[]
        {
            ("Services and projects", Services), ("Risk registers", RiskRegisters), ("Risks", Risks), ("Issues", Issues),
            ("Performance indicators", Indicators), ("Savings lines", SavingsLines), ("People they are director for", People),
        }.Where(g => g.Item2.Count > 0);
}

/// <summary>What the people pages read. Each call uses its own short-lived context.</summary>
public sealed class PeopleQueries(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider time)
{
    public async Task<List<PersonRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.People.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.JobTitle, p.Email, Council = p.Council!.Code, Director = p.Director!.Name, p.DeactivatedAt })
            .ToListAsync(cancellationToken);
        var accounts = await AccountsAsync(db, null, cancellationToken);
        var now = time.GetUtcNow();
        return [.. people.Select(p =>
        {
            var account = accounts.GetValueOrDefault(p.Id);
            return new PersonRow(p.Id, p.Name, p.JobTitle, p.Email, p.Council, p.Director, account?.Roles ?? [],
                AccountStates.Of(p.DeactivatedAt is null, account?.Facts, now));
        })];
    }

    public async Task<PersonDetail?> DetailAsync(int personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.AsNoTracking().Include(p => p.Council).SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var account = (await AccountsAsync(db, personId, cancellationToken)).GetValueOrDefault(personId);
        return new PersonDetail(person.Id, person.Name, PersonInput.From(person), person.JobTitle, person.Council?.Name, person.DeactivatedAt,
            AccountStates.Of(person.IsActive, account?.Facts, time.GetUtcNow()), account?.Roles ?? [],
            account?.Facts.InvitedAt, account?.Facts.LastSignedInAt, account?.Facts.LockoutEnd);
    }

    /// <summary>Everyone, for the director and handover pickers (which offer only the active).</summary>
    public async Task<List<PersonChoice>> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new PersonChoice(p.Id, p.Name, p.JobTitle, p.DeactivatedAt == null))
            .ToListAsync(cancellationToken);
    }

    public async Task<List<Council>> CouncilsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Councils.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
    }

    public async Task<OwnedItems> OwnedByAsync(int personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var services = await db.SharedServices.Where(s => s.OwnerId == personId).OrderBy(s => s.Name)
            .Select(s => new OwnedItem(s.Name, $"services/{s.Id}")).ToListAsync(cancellationToken);
        var registers = await db.RiskRegisters.Where(r => r.OwnerId == personId).OrderBy(r => r.Name)
            .Select(r => new OwnedItem($"{r.Name} register", null)).ToListAsync(cancellationToken);
        var risks = (await db.Risks.Where(r => r.OwnerId == personId)
                .Select(r => new { r.Id, r.Ref, r.Title, Register = r.RiskRegister!.Name, r.Status }).ToListAsync(cancellationToken))
            .OrderBy(r => r.Register).ThenBy(r => r.Ref, Dashboard.Domain.NaturalOrder.Instance)
            .Select(r => new OwnedItem($"{r.Register} risk {r.Ref}: {r.Title}{(r.Status == Dashboard.Domain.Risks.RiskStatus.Closed ? " (closed)" : "")}", $"risks/{r.Id}"))
            .ToList();
        var issues = (await db.RiskIssues.Where(i => i.OwnerId == personId)
                .Select(i => new { i.Id, i.Ref, i.Description, Register = i.RiskRegister!.Name, i.Status }).ToListAsync(cancellationToken))
            .OrderBy(i => i.Register).ThenBy(i => i.Ref, Dashboard.Domain.NaturalOrder.Instance)
            .Select(i => new OwnedItem($"{i.Register} issue {i.Ref}: {i.Description}{(i.Status == Dashboard.Domain.Risks.IssueStatus.Resolved ? " (resolved)" : "")}", $"risks/issues/{i.Id}"))
            .ToList();
        var indicators = await db.PerformanceIndicators.Where(p => p.OwnerId == personId).OrderBy(p => p.Ref)
            .Select(p => new OwnedItem($"{p.Ref}: {p.Description}", $"performance/{p.Id}")).ToListAsync(cancellationToken);
        var savings = (await db.SavingsLines.Where(l => l.OwnerId == personId)
                .Select(l => new { l.FinancialYear, l.Description, Council = l.Council == null ? null : l.Council.Code }).ToListAsync(cancellationToken))
            .OrderBy(l => l.FinancialYear).ThenBy(l => l.Description, StringComparer.Ordinal)
            .Select(l => new OwnedItem($"{new Dashboard.Domain.Time.FinancialYear(l.FinancialYear).Label} {l.Council ?? "both councils"}: {l.Description}", $"savings?year={l.FinancialYear}"))
            .ToList();
        var people = await db.People.Where(p => p.DirectorId == personId).OrderBy(p => p.Name)
            .Select(p => new OwnedItem(p.Name, $"admin/people/{p.Id}")).ToListAsync(cancellationToken);
        return new OwnedItems(services, registers, risks, issues, indicators, savings, people);
    }

    private sealed record AccountSummary(AccountFacts Facts, IReadOnlyList<string> Roles);

    /// <summary>Each person's account (facts and roles), keyed by person; one person's when <paramref name="personId"/> is given.</summary>
    private static async Task<Dictionary<int, AccountSummary>> AccountsAsync(DashboardDbContext db, int? personId, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => u.PersonId != null && (personId == null || u.PersonId == personId))
            .Select(u => new { u.Id, PersonId = u.PersonId!.Value, HasPassword = u.PasswordHash != null, u.InvitedAt, u.LastSignedInAt, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var userIds = users.Select(u => u.Id).ToList();
        var roles = (await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            where userIds.Contains(userRole.UserId)
                            select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        return users.ToDictionary(
            u => u.PersonId,
            u => new AccountSummary(new AccountFacts(u.HasPassword, u.InvitedAt, u.LastSignedInAt, u.LockoutEnd), [.. Roles.All.Where(r => roles[u.Id].Contains(r))]));
    }
}
