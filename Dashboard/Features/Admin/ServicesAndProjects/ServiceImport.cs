using Dashboard.Auth;
using Dashboard.Components.Shared;
using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;
using Dashboard.Domain.Time;
using Dashboard.Import;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin.ServicesAndProjects;

/// <summary>A row of a services file, checked by the same rules as the service form.</summary>
/// <param name="Name">The service's name as the file writes it; rows are matched to services by it.</param>
public sealed record ImportedService(string Name, ServiceInput Input);

/// <summary>
/// Setting up a council's services and projects from a spreadsheet through the shared <see cref="ImportPipeline"/>:
/// rows are matched by name; a new name sets up a service at the end of its table, a known one updates it (and, if it
/// moves to another table, it joins the end of that one, as an edit does). Administrators only.
/// </summary>
public sealed class ServiceImport(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ReportingClock clock, IChangeNotifier changes)
{
    /// <summary>The councils share a few dozen services; a far bigger file is a mistake.</summary>
    public const int MaxRows = 1000;

    public async Task<ImportOutcome> PreviewAsync(ImportFile file, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return ImportOutcome.Refused(ServiceSetupCommands.OnlyAdministrators);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new ImportOutcome(false, null, await ImportPipeline.PreviewAsync(db, new Definition(clock.Today), file, cancellationToken));
    }

    public async Task<ImportOutcome> ApplyAsync(ImportFile file, ImportPreview confirmed, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return ImportOutcome.Refused(ServiceSetupCommands.OnlyAdministrators);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        ImportOutcome outcome;
        try
        {
            outcome = await ImportPipeline.ApplyAsync(db, new Definition(clock.Today), file, confirmed, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved a service under one of these names, or changed one, between the check and the save.
            return ImportOutcome.Refused("Someone changed the services while the file was being imported, so nothing was imported. Choose the file again to see the new preview.");
        }

        if (outcome.Applied && outcome.Preview.Changes > 0)
        {
            changes.Publish(new DashboardChange(ChangeArea.Services, null,
                $"Services imported: {outcome.Preview.Count(RowChange.New)} new, {outcome.Preview.Count(RowChange.Changed)} changed"));
        }

        return outcome;
    }

    private sealed class Definition(DateOnly today) : IImportDefinition<ImportedService>
    {
        public IReadOnlyList<ImportColumn> Columns => ServiceSheet.Columns;

        public string KeyColumn => ServiceSheet.Name;

        public string RowsAre => "services";

        public int MaxRows => ServiceImport.MaxRows;

        public async Task<IImportTarget<ImportedService>> OpenAsync(DashboardDbContext db, CancellationToken cancellationToken)
        {
            var services = await db.SharedServices.ToListAsync(cancellationToken);
            var people = await db.People.AsNoTracking().Select(p => new NamedPerson(p.Id, p.Name, p.Email, p.DeactivatedAt == null)).ToListAsync(cancellationToken);
            var councils = await db.Councils.AsNoTracking().ToListAsync(cancellationToken);
            return new Target(db, services, people, councils, today);
        }
    }

    private sealed class Target(DashboardDbContext db, List<SharedService> services, List<NamedPerson> people, List<Council> councils, DateOnly today)
        : IImportTarget<ImportedService>
    {
        private static readonly Dictionary<string, string> ColumnOf = new()
        {
            [nameof(ServiceInput.Name)] = ServiceSheet.Name,
            [nameof(ServiceInput.Phase)] = ServiceSheet.Table,
            [nameof(ServiceInput.Arrangement)] = ServiceSheet.Arrangement,
            [nameof(ServiceInput.HostCouncilId)] = ServiceSheet.HostingCouncil,
            [nameof(ServiceInput.ProviderName)] = ServiceSheet.Provider,
            [nameof(ServiceInput.OwnerId)] = ServiceSheet.Manager,
            [nameof(ServiceInput.DirectorId)] = ServiceSheet.Director,
            [nameof(ServiceInput.Description)] = ServiceSheet.Description,
            [nameof(ServiceInput.ProjectStartDate)] = ServiceSheet.ProjectStarted,
            [nameof(ServiceInput.GoLiveDate)] = ServiceSheet.GoLive,
        };

        private readonly Dictionary<string, SharedService> byName = services.ToDictionary(s => s.Name.Trim(), StringComparer.OrdinalIgnoreCase);

        private readonly IReadOnlySet<int> activePeople = people.Where(p => p.IsActive).Select(p => p.Id).ToHashSet();

        private int nextOrder = ReportOrder.NextOrder(services.Select(s => s.Order));

        public ImportedService? Read(ImportRow row)
        {
            var name = row.Text(ServiceSheet.Name);
            var existing = name is null ? null : byName.GetValueOrDefault(name);
            var input = existing is null ? new ServiceInput() : ServiceInput.From(existing);
            input.Name = name;
            input.Phase = Choice(row, ServiceSheet.Table, ServiceWords.ParsePhase, ServiceWords.PhaseChoices);
            input.Arrangement = Choice(row, ServiceSheet.Arrangement, ServiceWords.ParseArrangement, ServiceWords.ArrangementChoices);
            if (row.HasColumn(ServiceSheet.HostingCouncil))
            {
                input.HostCouncilId = row.Council(ServiceSheet.HostingCouncil, councils);
            }

            if (row.HasColumn(ServiceSheet.Provider))
            {
                input.ProviderName = row.Text(ServiceSheet.Provider);
            }

            input.OwnerId = Person(row, ServiceSheet.Manager, "manager", mayBeBlank: false);
            if (row.HasColumn(ServiceSheet.Director))
            {
                input.DirectorId = Person(row, ServiceSheet.Director, "director", mayBeBlank: true);
            }

            if (row.HasColumn(ServiceSheet.Description))
            {
                input.Description = row.Text(ServiceSheet.Description);
            }

            if (row.HasColumn(ServiceSheet.ProjectStarted))
            {
                input.ProjectStartDate = row.Date(ServiceSheet.ProjectStarted);
            }

            if (row.HasColumn(ServiceSheet.GoLive))
            {
                input.GoLiveDate = row.Date(ServiceSheet.GoLive);
            }

            if (row.HasErrors)
            {
                return null;
            }

            // A row that matches what is stored is never refused: the download of any dashboard imports back unchanged,
            // even where a service was set up before today's rules.
            if (existing is not null && Changes(existing, input).Count == 0)
            {
                return new ImportedService(name!, input);
            }

            var choices = new ServiceChoices([.. services.Where(s => s != existing).Select(s => s.Name)], activePeople, councils.Select(c => c.Id).ToHashSet());
            foreach (var (field, message) in input.Validate(choices, today))
            {
                row.Error(ColumnOf.GetValueOrDefault(field, ServiceSheet.Name), message);
            }

            return row.HasErrors ? null : new ImportedService(name!, input);
        }

        public string KeyOf(ImportedService row) => row.Name;

        public IReadOnlyList<string>? Differences(ImportedService row) =>
            byName.TryGetValue(row.Name, out var service) ? Changes(service, row.Input) : null;

        private List<string> Changes(SharedService service, ServiceInput now)
        {
            var was = ServiceInput.From(service);
            var moves = ReportOrder.SectionOf(service.Phase, service.Arrangement) != ReportOrder.SectionOf(now.Phase!.Value, now.Arrangement!.Value);
            return new[]
            {
                ImportDifference.Of("Name", was.Name, now.Name),
                ImportDifference.Of("Table", ServiceWords.Label(was.Phase!.Value), ServiceWords.Label(now.Phase.Value)),
                ImportDifference.Of("Arrangement", ServiceWords.Label(was.Arrangement!.Value), ServiceWords.Label(now.Arrangement.Value)),
                ImportDifference.Of("Hosting council", CodeOf(was.HostCouncilId), CodeOf(now.HostCouncilId)),
                ImportDifference.Of("Received from", was.ProviderName, now.ProviderName),
                ImportDifference.Of("Manager", NameOf(was.OwnerId), NameOf(now.OwnerId)),
                ImportDifference.Of("Director", NameOf(was.DirectorId), NameOf(now.DirectorId)),
                ImportDifference.Of("Description", was.Description?.ReplaceLineEndings("\n"), now.Description),
                ImportDifference.Of("Project started", DateOf(was.ProjectStartDate), DateOf(now.ProjectStartDate)),
                ImportDifference.Of("Go-live", DateOf(was.GoLiveDate), DateOf(now.GoLiveDate)),
                moves ? $"Joins the end of {ReportOrder.TitleOf(ReportOrder.SectionOf(now.Phase.Value, now.Arrangement.Value))}" : null,
            }.OfType<string>().ToList();
        }

        public void Apply(ImportedService row)
        {
            if (!byName.TryGetValue(row.Name, out var service))
            {
                service = new SharedService { Name = "" };
                byName[row.Name] = service;
                db.SharedServices.Add(service);
                row.Input.ApplyTo(service);
                service.Order = nextOrder++;
                return;
            }

            var section = ReportOrder.SectionOf(service.Phase, service.Arrangement);
            row.Input.ApplyTo(service);
            if (ReportOrder.SectionOf(service.Phase, service.Arrangement) != section)
            {
                service.Order = nextOrder++;
            }
        }

        private static T? Choice<T>(ImportRow row, string heading, Func<string, T?> parse, string choices)
            where T : struct
        {
            if (row.Text(heading) is not { } text)
            {
                row.Error(heading, $"Give {choices}.");
                return null;
            }

            var value = parse(text);
            if (value is null)
            {
                row.Error(heading, $"Give {choices}, not “{text}”.");
            }

            return value;
        }

        private int? Person(ImportRow row, string heading, string role, bool mayBeBlank)
        {
            if (row.Text(heading) is not { } text)
            {
                if (!mayBeBlank)
                {
                    row.Error(heading, $"Name the {role}, as the dashboard shows them or by email address.");
                }

                return null;
            }

            var (id, problem) = PersonLookup.Find(text, people, role, mayBeBlank);
            if (problem is not null)
            {
                row.Error(heading, problem);
            }

            return id;
        }

        private string? CodeOf(int? councilId) => councils.FirstOrDefault(c => c.Id == councilId)?.Code;

        private string? NameOf(int? personId) => people.FirstOrDefault(p => p.Id == personId)?.Name;

        private static string? DateOf(DateOnly? date) => date is { } day ? UkFormat.Date(day) : null;
    }
}
