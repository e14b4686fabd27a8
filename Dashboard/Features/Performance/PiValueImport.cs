using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Time;
using Dashboard.Import;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Performance;

/// <summary>A row of a PI values file, checked by the same rules as the figure grid.</summary>
/// <param name="NoteGiven">False when the file has no Note column: the stored note is kept. A blank cell in the column means none, as the download writes it.</param>
public sealed record ImportedPiValue(int IndicatorId, string Ref, int CouncilId, string Council, DateOnly Period, decimal Value, bool NoteGiven, string? Note);

/// <summary>
/// Importing PI period values through the shared <see cref="ImportPipeline"/>. Rows are matched to stored
/// values by indicator, council and period; periods missing from the file are left alone.
/// </summary>
public sealed class PiValueImport(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ReportingClock clock, IChangeNotifier changes)
{
    /// <summary>Two councils, a dozen indicators, a few years of months: far below this.</summary>
    public const int MaxRows = 5000;

    public const string Ref = "Ref";
    public const string Council = "Council";
    public const string Period = "Period";
    public const string Value = "Value";
    public const string Note = "Note";

    public static IReadOnlyList<ImportColumn> Columns { get; } =
        [new(Ref, Required: true), new(Council, Required: true), new(Period, Required: true), new(Value, Required: true), new(Note)];

    private const string BoardMembersCannot = "Only an indicator's owner or an administrator can import its figures.";

    /// <summary>Board members and report owners own no indicators, so the page and the command both turn them away.</summary>
    public async Task<bool> MayImportAsync()
    {
        var principal = await user.PrincipalAsync();
        return principal.IsInRole(Roles.Administrator) || principal.IsInRole(Roles.ServiceManager);
    }

    public async Task<ImportOutcome> PreviewAsync(ImportFile file, CancellationToken cancellationToken = default)
    {
        if (await DefinitionAsync() is not { } definition)
        {
            return ImportOutcome.Refused(BoardMembersCannot);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new ImportOutcome(false, null, await ImportPipeline.PreviewAsync(db, definition, file, cancellationToken));
    }

    public async Task<ImportOutcome> ApplyAsync(ImportFile file, ImportPreview confirmed, CancellationToken cancellationToken = default)
    {
        if (await DefinitionAsync() is not { } definition)
        {
            return ImportOutcome.Refused(BoardMembersCannot);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var outcome = await ImportPipeline.ApplyAsync(db, definition, file, confirmed, cancellationToken);
        if (outcome.Applied && outcome.Preview.Changes > 0)
        {
            changes.Publish(new DashboardChange(ChangeArea.PerformanceValues, null,
                $"PI figures imported: {outcome.Preview.Count(RowChange.New)} new, {outcome.Preview.Count(RowChange.Changed)} changed"));
        }

        return outcome;
    }

    private async Task<Definition?> DefinitionAsync()
    {
        if (!await MayImportAsync() || await user.PersonIdAsync() is not { } personId)
        {
            return null;
        }

        return new Definition(personId, await user.IsAdministratorAsync(), clock);
    }

    private sealed class Definition(int personId, bool isAdministrator, ReportingClock clock) : IImportDefinition<ImportedPiValue>
    {
        public IReadOnlyList<ImportColumn> Columns => PiValueImport.Columns;

        public string KeyColumn => Period;

        public string RowsAre => "PI figures";

        public int MaxRows => PiValueImport.MaxRows;

        public async Task<IImportTarget<ImportedPiValue>> OpenAsync(DashboardDbContext db, CancellationToken cancellationToken)
        {
            var indicators = await db.PerformanceIndicators.Include(p => p.Values).ToListAsync(cancellationToken);
            var councils = await db.Councils.AsNoTracking().ToListAsync(cancellationToken);
            return new Target(indicators, councils, personId, isAdministrator, clock);
        }
    }

    private sealed class Target(List<PerformanceIndicator> indicators, List<Council> councils, int personId, bool isAdministrator, ReportingClock clock)
        : IImportTarget<ImportedPiValue>
    {
        private readonly Dictionary<string, PerformanceIndicator> byRef = indicators.ToDictionary(p => p.Ref.Trim(), StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<int, string> councilCodes = councils.ToDictionary(c => c.Id, c => c.Code);

        public ImportedPiValue? Read(ImportRow row)
        {
            PerformanceIndicator? pi = null;
            if (row.Text(Ref) is not { } reference)
            {
                row.Error(Ref, "Give the indicator's Ref.");
            }
            else if (!byRef.TryGetValue(reference, out pi))
            {
                row.Error(Ref, $"No indicator has the Ref “{reference}”.");
            }
            else if (!isAdministrator && pi.OwnerId != personId)
            {
                row.Error(Ref, $"You do not own {pi.Ref}: only its owner or an administrator can import its figures.");
                pi = null;
            }

            Council? council = null;
            if (row.Text(Council) is not { } code)
            {
                row.Error(Council, $"Give {Codes()}.");
            }
            else if (councils.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)) is { } found)
            {
                council = found;
            }
            else
            {
                row.Error(Council, $"Give {Codes()}, not “{code}”.");
            }

            var period = row.Text(Period) is null ? null : row.Date(Period);
            if (row.Text(Period) is null)
            {
                row.Error(Period, "Give the first day of the period, e.g. 2010-04-01.");
            }

            if (pi is null || council is null || period is null)
            {
                return null;
            }

            // The grid's own checks, one row at a time: the pipeline itself finds a period given twice.
            var input = new PiFigureInput(council.Id, period.Value, row.Text(Value), row.Text(Note));
            var (figures, errors) = PiFigureEntry.Check(pi, councilCodes, [input], clock.Today);
            foreach (var column in new[] { Period, Value, Note })
            {
                if (errors.TryGetValue(PiFigureEntry.FieldKey(council.Id, period.Value, column), out var message))
                {
                    row.Error(column, message);
                }
            }

            if (row.HasErrors || figures.Count != 1)
            {
                return null;
            }

            var imported = new ImportedPiValue(pi.Id, pi.Ref, council.Id, council.Code, period.Value, figures[0].Value, row.HasColumn(Note), figures[0].Note);

            // A retired indicator's figures stay as they are; a downloaded file that repeats them still imports.
            if (IndicatorLifecycle.ClosedForFigures(pi) is { } retired && Differences(imported) is not [])
            {
                row.Error(Value, retired);
                return null;
            }

            return imported;
        }

        private string Codes() => string.Join(" or ", councils.Select(c => c.Code).Order());

        public string KeyOf(ImportedPiValue row) => $"{row.Ref} {row.Council} {row.Period:yyyy-MM-dd}";

        public IReadOnlyList<string>? Differences(ImportedPiValue row)
        {
            if (Stored(row) is not { } stored)
            {
                return null;
            }

            var differences = new List<string>();
            if (stored.Value != row.Value)
            {
                differences.Add($"Value: {stored.Value.Normalize()} → {row.Value.Normalize()}");
            }

            if (row.NoteGiven && stored.Note != row.Note)
            {
                differences.Add(row.Note is null ? "Note removed" : "Note changed");
            }

            return differences;
        }

        public void Apply(ImportedPiValue row)
        {
            var pi = indicators.Single(p => p.Id == row.IndicatorId);
            if (Stored(row) is not { } stored)
            {
                stored = new PiValue { CouncilId = row.CouncilId, PeriodStart = row.Period };
                pi.Values.Add(stored);
            }

            stored.Value = row.Value;
            stored.Note = row.NoteGiven ? row.Note : stored.Note;
            stored.EnteredById = personId;
            stored.EnteredAt = clock.RecordedAt;
            stored.Source = null;
        }

        private PiValue? Stored(ImportedPiValue row) =>
            indicators.Single(p => p.Id == row.IndicatorId).Values.FirstOrDefault(v => v.CouncilId == row.CouncilId && v.PeriodStart == row.Period);
    }
}

file static class DecimalWords
{
    /// <summary>Stored figures carry trailing zeros from the column's scale; people read 12.5, not 12.5000.</summary>
    public static string Normalize(this decimal value) => (value / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
