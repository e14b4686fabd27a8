using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Dashboard.Import;
using Dashboard.Live;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin.People;

/// <summary>A row of a people file, read but not yet checked against everyone else.</summary>
/// <param name="JobTitleGiven">False when the file has no Job title column: kept. A blank cell means none.</param>
/// <param name="CouncilGiven">False when the file has no Council column: kept.</param>
/// <param name="DirectorGiven">False when the file has no Director column: kept.</param>
/// <param name="Director">The director as the cell names them (name or email); null for none.</param>
/// <param name="Roles">Roles to give; an import never takes a role away.</param>
public sealed record ImportedPerson(
    string Email, string Name, bool JobTitleGiven, string? JobTitle, bool CouncilGiven, int? CouncilId, bool DirectorGiven, string? Director, IReadOnlyList<string> Roles);

/// <summary>
/// Starting a council's list of people from a spreadsheet through the shared <see cref="ImportPipeline"/>: rows are
/// matched to people by email address; a new address adds a person, a known one updates them. A director may be
/// someone further down the same file. Roles listed are given (creating the sign-in account, without a password,
/// ready for an invitation); roles are only ever taken away on the person's page. Administrators only.
/// </summary>
public sealed class PeopleImport(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ILookupNormalizer normalizer, PeopleCommands commands, TimeProvider time, IChangeNotifier changes)
{
    /// <summary>Two councils' managers, directors and board members: a few hundred at most.</summary>
    public const int MaxRows = 1000;

    public async Task<ImportOutcome> PreviewAsync(ImportFile file, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return ImportOutcome.Refused(PeopleCommands.AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new ImportOutcome(false, null, await ImportPipeline.PreviewAsync(db, new Definition(normalizer), file, cancellationToken));
    }

    public async Task<ImportOutcome> ApplyAsync(ImportFile file, ImportPreview confirmed, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return ImportOutcome.Refused(PeopleCommands.AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var outcome = await ImportPipeline.ApplyAsync(db, new Definition(normalizer), file, confirmed, cancellationToken);
        if (outcome.Applied && outcome.Preview.Changes > 0)
        {
            changes.Publish(new DashboardChange(ChangeArea.People, null,
                $"People imported: {outcome.Preview.Count(RowChange.New)} new, {outcome.Preview.Count(RowChange.Changed)} changed"));
        }

        return outcome;
    }

    /// <summary>The people with these email addresses who could be sent an invitation now (active, never signed in).</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> NotYetInvitedAsync(IEnumerable<string> emails, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return [];
        }

        var wanted = emails.Select(e => e.ToUpperInvariant()).ToHashSet();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = (await db.People.AsNoTracking().Where(p => p.Email != null && p.DeactivatedAt == null).ToListAsync(cancellationToken))
            .Where(p => wanted.Contains(p.Email!.ToUpperInvariant())).ToList();
        var ids = people.Select(p => (int?)p.Id).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.PersonId)).ToDictionaryAsync(u => u.PersonId!.Value, cancellationToken);
        var now = time.GetUtcNow();
        return [.. people
            .Where(p => AccountStates.CanBeInvited(Accounts.StateOf(accounts.GetValueOrDefault(p.Id), p, now)) && accounts.GetValueOrDefault(p.Id)?.InvitedAt is null)
            .OrderBy(p => p.Name)
            .Select(p => (p.Id, p.Name))];
    }

    /// <summary>Invites each person in turn; one that cannot be sent does not stop the others.</summary>
    /// <returns>Who was invited, and for each one that was not, why.</returns>
    public async Task<(IReadOnlyList<string> Invited, IReadOnlyList<string> Problems)> InviteAsync(IEnumerable<(int Id, string Name)> people, CancellationToken cancellationToken = default)
    {
        var invited = new List<string>();
        var problems = new List<string>();
        foreach (var (id, name) in people)
        {
            var (result, _) = await commands.InviteAsync(id, cancellationToken);
            if (result.Succeeded)
            {
                invited.Add(name);
            }
            else
            {
                problems.Add(result.Error ?? $"{name} could not be invited.");
            }
        }

        return (invited, problems);
    }

    private sealed class Definition(ILookupNormalizer normalizer) : IImportDefinition<ImportedPerson>
    {
        public IReadOnlyList<ImportColumn> Columns => PeopleSheet.Columns;

        public string KeyColumn => PeopleSheet.Email;

        public string RowsAre => "people";

        public int MaxRows => PeopleImport.MaxRows;

        public async Task<IImportTarget<ImportedPerson>> OpenAsync(DashboardDbContext db, CancellationToken cancellationToken)
        {
            var people = await db.People.ToListAsync(cancellationToken);
            var accounts = await db.Users.ToListAsync(cancellationToken);
            var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
            var held = (await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken))
                .ToLookup(r => r.UserId, r => roles.Single(n => n.Value == r.RoleId).Key);
            var councils = await db.Councils.AsNoTracking().ToListAsync(cancellationToken);
            return new Target(db, normalizer, people, accounts, roles, held, councils);
        }
    }

    private sealed class Target(
        DashboardDbContext db, ILookupNormalizer normalizer, List<Person> people, List<ApplicationUser> accounts,
        Dictionary<string, string> roleIds, ILookup<string, string> rolesHeld, List<Council> councils)
        : IImportTarget<ImportedPerson>
    {
        private static readonly Dictionary<string, string> ColumnOf = new()
        {
            [nameof(PersonInput.Name)] = PeopleSheet.Name,
            [nameof(PersonInput.Email)] = PeopleSheet.Email,
            [nameof(PersonInput.JobTitle)] = PeopleSheet.JobTitle,
            [nameof(PersonInput.CouncilId)] = PeopleSheet.Council,
            [nameof(PersonInput.DirectorId)] = PeopleSheet.Director,
        };

        private readonly Dictionary<string, Person> byEmail = people.Where(p => p.Email is not null).ToDictionary(p => p.Email!.Trim(), StringComparer.OrdinalIgnoreCase);

        /// <summary>Each row's director as an id: a person in the dashboard, or a made-up negative id for one further down the file.</summary>
        private readonly Dictionary<string, int?> directorOf = new(StringComparer.OrdinalIgnoreCase);

        private readonly Dictionary<int, ImportedPerson> newPeople = [];

        public ImportedPerson? Read(ImportRow row)
        {
            var email = row.Text(PeopleSheet.Email);
            var name = row.Text(PeopleSheet.Name);
            if (email is null)
            {
                row.Error(PeopleSheet.Email, "Give the person's email address: rows are matched to people by it. Someone without one can be added on the People page.");
            }
            else if (!EmailAddresses.IsWellFormed(email))
            {
                // Checked here as well as with the other details, so it is listed with this row's other problems.
                row.Error(PeopleSheet.Email, PersonInput.MalformedEmail);
            }

            if (name is null)
            {
                row.Error(PeopleSheet.Name, "Give the person's name.");
            }

            var (roles, notARole) = Roles.Parse(row.Text(PeopleSheet.Roles));
            if (notARole is not null)
            {
                row.Error(PeopleSheet.Roles, $"“{notARole}” is not a role. Give any of {string.Join(", ", Roles.All)}, separated by commas.");
            }

            var councilId = row.Council(PeopleSheet.Council, councils);
            return row.HasErrors
                ? null
                : new ImportedPerson(email!, name!, row.HasColumn(PeopleSheet.JobTitle), row.Text(PeopleSheet.JobTitle), row.HasColumn(PeopleSheet.Council), councilId,
                    row.HasColumn(PeopleSheet.Director), row.Text(PeopleSheet.Director), roles);
        }

        public string KeyOf(ImportedPerson row) => row.Email;

        public IEnumerable<ImportError> CheckTogether(IReadOnlyList<(int Row, ImportedPerson Value)> rows)
        {
            // Everyone a Director cell may name: the dashboard's people as the file leaves them, then those it adds.
            var ids = rows.ToDictionary(r => r.Value.Email, r => byEmail.TryGetValue(r.Value.Email, out var known) ? known.Id : -r.Row, StringComparer.OrdinalIgnoreCase);
            var inFile = rows.ToDictionary(r => ids[r.Value.Email], r => r.Value);
            var named = people.Where(p => !inFile.ContainsKey(p.Id)).Select(p => new NamedPerson(p.Id, p.Name, p.Email, p.IsActive))
                .Concat(rows.Select(r => new NamedPerson(ids[r.Value.Email], r.Value.Name, r.Value.Email, Existing(r.Value)?.IsActive ?? true)))
                .ToList();

            var errors = new List<ImportError>();
            foreach (var (number, row) in rows)
            {
                var existing = Existing(row);
                if (!row.DirectorGiven)
                {
                    directorOf[row.Email] = existing?.DirectorId;
                }
                else if (row.Director is null)
                {
                    directorOf[row.Email] = null;
                }
                else
                {
                    var (id, problem) = PersonLookup.Find(row.Director, named, "director", mayBeBlank: true, keeping: existing?.DirectorId);
                    directorOf[row.Email] = id;
                    if (problem is not null)
                    {
                        errors.Add(new ImportError(number, PeopleSheet.Director, problem));
                    }
                }

                if (existing is { IsActive: false } && row.Roles.Except(RolesOf(existing)).Any())
                {
                    errors.Add(new ImportError(number, PeopleSheet.Roles, $"{existing.Name} has been deactivated: reactivate them on their page before giving them roles."));
                }
                else if (existing is null || AccountOf(existing) is null)
                {
                    var clash = accounts.FirstOrDefault(a => a.PersonId != existing?.Id && a.NormalizedUserName == normalizer.NormalizeName(row.Email));
                    if (clash is not null && row.Roles.Count > 0)
                    {
                        errors.Add(new ImportError(number, PeopleSheet.Email, $"A sign-in account with this email address already exists for {people.FirstOrDefault(p => p.Id == clash.PersonId)?.Name ?? "no one in the list"}: give this person their own address."));
                    }
                }
            }

            if (errors.Count > 0)
            {
                return errors;
            }

            // Each row's details checked by the same rules as the person form, against everyone as the file would leave them.
            var entries = people.Where(p => !inFile.ContainsKey(p.Id)).Select(p => new PersonEntry(p.Id, p.Name, p.Email, p.DirectorId, p.IsActive))
                .Concat(rows.Select(r => new PersonEntry(ids[r.Value.Email], r.Value.Name, r.Value.Email, directorOf[r.Value.Email], Existing(r.Value)?.IsActive ?? true)))
                .ToList();
            var councilIds = councils.Select(c => c.Id).ToList();
            foreach (var (number, row) in rows)
            {
                if (ids[row.Email] < 0)
                {
                    newPeople[ids[row.Email]] = row;
                }

                foreach (var (field, message) in InputOf(row).Validate(ids[row.Email], entries, councilIds))
                {
                    errors.Add(new ImportError(number, ColumnOf.GetValueOrDefault(field), message));
                }
            }

            return errors;
        }

        public IReadOnlyList<string>? Differences(ImportedPerson row)
        {
            if (Existing(row) is not { } person)
            {
                return null;
            }

            var input = InputOf(row);
            var added = row.Roles.Except(RolesOf(person)).ToList();
            return new[]
            {
                ImportDifference.Of("Name", person.Name, input.Name),
                ImportDifference.Of("Job title", person.JobTitle, input.JobTitle),
                ImportDifference.Of("Council", CodeOf(person.CouncilId), CodeOf(input.CouncilId)),
                ImportDifference.Of("Director", NameOf(person.DirectorId), NameOf(input.DirectorId)),
                added.Count == 0 ? null : $"Roles given: {string.Join(", ", added)}",
            }.OfType<string>().ToList();
        }

        public void Apply(ImportedPerson row)
        {
            var person = PersonFor(row.Email);
            var input = InputOf(row);
            var director = directorOf[row.Email];
            if (director < 0)
            {
                // Someone added by this file has no id until it is saved: the navigation carries them.
                input.DirectorId = person.DirectorId;
                input.ApplyTo(person);
                person.Director = PersonFor(newPeople[director.Value].Email);
            }
            else
            {
                input.ApplyTo(person);
                person.Director = director is { } id ? people.Single(p => p.Id == id) : null;
            }

            var adding = row.Roles.Except(RolesOf(person)).ToList();
            if (adding.Count == 0)
            {
                return;
            }

            var account = AccountOf(person);
            if (account is null)
            {
                account = new ApplicationUser
                {
                    UserName = person.Email, NormalizedUserName = normalizer.NormalizeName(person.Email),
                    Email = person.Email, NormalizedEmail = normalizer.NormalizeEmail(person.Email), Person = person,
                };
                accounts.Add(account);
                db.Users.Add(account);
            }
            else
            {
                // Open pages and signed-in browsers re-check the stamp, so the new roles reach them as a role change on the person's page does.
                account.SecurityStamp = Guid.NewGuid().ToString("N");
            }

            db.UserRoles.AddRange(adding.Select(r => new IdentityUserRole<string> { UserId = account.Id, RoleId = roleIds[r] }));
        }

        private Person? Existing(ImportedPerson row) => byEmail.GetValueOrDefault(row.Email);

        /// <summary>The tracked person a row updates, or the one it adds (added once, even when a director cell named it first).</summary>
        private Person PersonFor(string email)
        {
            if (!byEmail.TryGetValue(email, out var person))
            {
                person = new Person { Name = "", Email = email };
                byEmail[email] = person;
                people.Add(person);
                db.People.Add(person);
            }

            return person;
        }

        private ApplicationUser? AccountOf(Person person) => accounts.FirstOrDefault(a => a.PersonId == person.Id && person.Id != 0 || ReferenceEquals(a.Person, person));

        private IEnumerable<string> RolesOf(Person person) => AccountOf(person) is { } account ? rolesHeld[account.Id] : [];

        private PersonInput InputOf(ImportedPerson row)
        {
            var existing = Existing(row);
            return new PersonInput
            {
                Name = row.Name,
                Email = row.Email,
                JobTitle = row.JobTitleGiven ? row.JobTitle : existing?.JobTitle,
                CouncilId = row.CouncilGiven ? row.CouncilId : existing?.CouncilId,
                DirectorId = directorOf.GetValueOrDefault(row.Email),
            };
        }

        private string? CodeOf(int? councilId) => councils.FirstOrDefault(c => c.Id == councilId)?.Code;

        private string? NameOf(int? personId) => personId switch
        {
            null => null,
            < 0 => newPeople.GetValueOrDefault(personId.Value)?.Name,
            _ => people.FirstOrDefault(p => p.Id == personId)?.Name,
        };
    }
}
