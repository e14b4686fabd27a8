using Dashboard.Auth;
using Dashboard.Components.Shared;
using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Time;
using Dashboard.Import;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Risks;

/// <summary>A row of a register file, checked and matched with the dashboard's people and councils.</summary>
/// <param name="MitigationGiven">False when the file has no Mitigation column: kept. A blank cell in the column means none, as the export writes it.</param>
/// <param name="OwnerId">Null when the file leaves the owner blank: kept, or the register's owner for a new risk.</param>
/// <param name="CouncilGiven">False when the file leaves the council blank: kept, or both councils for a new risk.</param>
/// <param name="NextReview">Null when blank: kept (moved by the band's cadence if the score changes), or from the cadence for a new risk.</param>
public sealed record ImportedRisk(string Ref, string Title, RiskScore Score, bool MitigationGiven, string? Mitigation, int? OwnerId, bool CouncilGiven, int? CouncilId, DateOnly? NextReview);

/// <summary>
/// Importing a register from the shape <see cref="RiskSheet"/> exports, through the shared
/// <see cref="ImportPipeline"/>. Rows are matched to risks by Ref; risks missing from the file are left alone.
/// A changed L or I is a new assessment (history is kept), never an overwrite.
/// </summary>
public sealed class RiskImport(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, ScoreBandSet bands, ReportingClock clock, IChangeNotifier changes)
{
    /// <summary>A register may hold a few dozen risks; a file far bigger than any register is a mistake.</summary>
    public const int MaxRows = 1000;

    private const string NotYours = "Only the register's owner or an administrator can import into it.";

    public async Task<ImportOutcome> PreviewAsync(int registerId, ImportFile file, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RefusalAsync(db, registerId, cancellationToken) is { } refusal)
        {
            return ImportOutcome.Refused(refusal);
        }

        var preview = await ImportPipeline.PreviewAsync(db, await DefinitionAsync(registerId, file), file, cancellationToken);
        return new ImportOutcome(false, null, preview);
    }

    public async Task<ImportOutcome> ApplyAsync(int registerId, ImportFile file, ImportPreview confirmed, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RefusalAsync(db, registerId, cancellationToken) is { } refusal)
        {
            return ImportOutcome.Refused(refusal);
        }

        var outcome = await ImportPipeline.ApplyAsync(db, await DefinitionAsync(registerId, file), file, confirmed, cancellationToken);
        if (outcome.Applied && outcome.Preview.Changes > 0)
        {
            var register = await db.RiskRegisters.Where(r => r.Id == registerId).Select(r => r.Name).SingleAsync(cancellationToken);
            changes.Publish(new DashboardChange(ChangeArea.Risks, null,
                $"{register} register imported: {outcome.Preview.Count(RowChange.New)} new, {outcome.Preview.Count(RowChange.Changed)} changed") { Scope = ChangeScope.Register(registerId) });
        }

        return outcome;
    }

    private async Task<string?> RefusalAsync(DashboardDbContext db, int registerId, CancellationToken cancellationToken)
    {
        var ownerId = await db.RiskRegisters.Where(r => r.Id == registerId).Select(r => (int?)r.OwnerId).FirstOrDefaultAsync(cancellationToken);
        if (ownerId is null)
        {
            return "That register does not exist.";
        }

        return await user.CanEditAsync(ownerId.Value) && await user.PersonIdAsync() is not null ? null : NotYours;
    }

    private async Task<Definition> DefinitionAsync(int registerId, ImportFile file) =>
        new(registerId, $"Imported from {file.Name}", (await user.PersonIdAsync())!.Value, bands, clock);

    private sealed class Definition(int registerId, string reason, int personId, ScoreBandSet bands, ReportingClock clock) : IImportDefinition<ImportedRisk>
    {
        public IReadOnlyList<ImportColumn> Columns => RiskSheet.Columns;

        public string KeyColumn => RiskSheet.Ref;

        public string RowsAre => "risks";

        public int MaxRows => RiskImport.MaxRows;

        public async Task<IImportTarget<ImportedRisk>> OpenAsync(DashboardDbContext db, CancellationToken cancellationToken)
        {
            var register = await db.RiskRegisters.Include(r => r.Risks).ThenInclude(r => r.Assessments).AsSplitQuery().SingleAsync(r => r.Id == registerId, cancellationToken);
            var people = await db.People.AsNoTracking().ToListAsync(cancellationToken);
            var councils = await db.Councils.AsNoTracking().ToListAsync(cancellationToken);
            return new Target(db, register, people, councils, reason, personId, bands, clock);
        }
    }

    private sealed class Target(DashboardDbContext db, RiskRegister register, List<Person> people, List<Council> councils, string reason, int personId, ScoreBandSet bands, ReportingClock clock)
        : IImportTarget<ImportedRisk>
    {
        private readonly Dictionary<string, Risk> risks = register.Risks.ToDictionary(r => r.Ref, StringComparer.OrdinalIgnoreCase);

        private static readonly Dictionary<string, string> ColumnOf = new()
        {
            [nameof(RiskSheetRow.Ref)] = RiskSheet.Ref,
            [nameof(RiskSheetRow.Title)] = RiskSheet.Risk,
            [nameof(RiskSheetRow.Likelihood)] = RiskSheet.L,
            [nameof(RiskSheetRow.Impact)] = RiskSheet.I,
            [nameof(RiskSheetRow.Score)] = RiskSheet.Score,
            [nameof(RiskSheetRow.Mitigation)] = RiskSheet.Mitigation,
        };

        public ImportedRisk? Read(ImportRow row)
        {
            var sheetRow = new RiskSheetRow(row.Text(RiskSheet.Ref), row.Text(RiskSheet.Risk), row.WholeNumber(RiskSheet.L), row.WholeNumber(RiskSheet.I), row.WholeNumber(RiskSheet.Score), row.Text(RiskSheet.Mitigation));
            foreach (var (field, message) in sheetRow.Validate())
            {
                if (ColumnOf.TryGetValue(field, out var column))
                {
                    row.Error(column, message);
                }
            }

            var ownerId = OwnerOf(row, sheetRow.Ref is { } reference && risks.TryGetValue(reference, out var known) ? (int?)known.OwnerId : null);
            var (councilGiven, councilId) = CouncilOf(row);
            var nextReview = row.Date(RiskSheet.NextReview);
            return row.HasErrors
                ? null
                : new ImportedRisk(sheetRow.Ref!, sheetRow.Title!, RiskScore.Of(sheetRow.Likelihood!.Value, sheetRow.Impact!.Value), row.HasColumn(RiskSheet.Mitigation), sheetRow.Mitigation, ownerId, councilGiven, councilId, nextReview);
        }

        // A deactivated person can stay the owner a risk already has, but not become anyone's new owner.
        private int? OwnerOf(ImportRow row, int? keeping)
        {
            if (row.Text(RiskSheet.Owner) is not { } name)
            {
                return null;
            }

            var (id, problem) = PersonLookup.Find(name, people.Select(p => new NamedPerson(p.Id, p.Name, p.Email, p.IsActive)), "owner", mayBeBlank: true, keeping);
            if (problem is not null)
            {
                row.Error(RiskSheet.Owner, problem);
            }

            return id;
        }

        private (bool Given, int? CouncilId) CouncilOf(ImportRow row)
        {
            if (row.Text(RiskSheet.Council) is not { } text)
            {
                return (false, null);
            }

            if (string.Equals(text, RiskFilter.BothCouncils, StringComparison.OrdinalIgnoreCase))
            {
                return (true, null);
            }

            if (Council.Named(text, councils) is { } council)
            {
                return (true, council.Id);
            }

            row.Error(RiskSheet.Council, $"Give {string.Join(", ", councils.Select(c => c.Code).Order())} or Both, not “{text}”.");
            return (false, null);
        }

        public string KeyOf(ImportedRisk row) => row.Ref;

        public IReadOnlyList<string>? Differences(ImportedRisk row)
        {
            if (!risks.TryGetValue(row.Ref, out var risk))
            {
                return null;
            }

            var differences = new List<string>();
            if (risk.Title != row.Title)
            {
                differences.Add($"Risk: “{Shorten(risk.Title)}” → “{Shorten(row.Title)}”");
            }

            var current = RiskHistory.Current(risk.Assessments)?.Score;
            if (current != row.Score)
            {
                differences.Add($"Score: {current?.ToString() ?? "none"} → {row.Score} (a new assessment)");
            }

            if (row.MitigationGiven && (risk.Mitigation?.ReplaceLineEndings("\n") ?? "") != (row.Mitigation ?? ""))
            {
                differences.Add(row.Mitigation is null ? "Mitigation removed" : "Mitigation changed");
            }

            if (row.OwnerId is { } ownerId && ownerId != risk.OwnerId)
            {
                differences.Add($"Owner: {NameOf(risk.OwnerId)} → {NameOf(ownerId)}");
            }

            if (row.CouncilGiven && row.CouncilId != risk.CouncilId)
            {
                differences.Add($"Council: {CodeOf(risk.CouncilId)} → {CodeOf(row.CouncilId)}");
            }

            var nextReview = NextReviewOf(risk, row, current);
            if (nextReview != risk.NextReviewDate)
            {
                differences.Add($"Next review: {UkFormat.ShortDate(risk.NextReviewDate)} → {UkFormat.ShortDate(nextReview)}");
            }

            return differences;
        }

        public void Apply(ImportedRisk row)
        {
            if (!risks.TryGetValue(row.Ref, out var risk))
            {
                risk = new Risk
                {
                    RiskRegisterId = register.Id,
                    Ref = row.Ref,
                    Title = row.Title,
                    Mitigation = row.Mitigation,
                    OwnerId = row.OwnerId ?? register.OwnerId,
                    CouncilId = row.CouncilId,
                    RaisedOn = clock.Today,
                    NextReviewDate = row.NextReview ?? RiskReview.NextReviewAfter(clock.Today, row.Score, bands),
                };
                risk.Assessments.Add(Assessment(row.Score));
                db.Risks.Add(risk);
                return;
            }

            var current = RiskHistory.Current(risk.Assessments)?.Score;
            risk.NextReviewDate = NextReviewOf(risk, row, current);
            risk.Title = row.Title;
            risk.Mitigation = row.MitigationGiven ? row.Mitigation : risk.Mitigation;
            risk.OwnerId = row.OwnerId ?? risk.OwnerId;
            risk.CouncilId = row.CouncilGiven ? row.CouncilId : risk.CouncilId;
            if (current != row.Score)
            {
                risk.Assessments.Add(Assessment(row.Score));
            }
        }

        /// <summary>
        /// The file's date when it gives one (so importing the same file twice lands on the same date); when
        /// blank, one cadence from today if the score moved, as a re-assessment does, otherwise unchanged.
        /// </summary>
        private DateOnly NextReviewOf(Risk risk, ImportedRisk row, RiskScore? current) =>
            row.NextReview
            ?? (current != row.Score ? RiskReview.NextReviewAfter(clock.Today, row.Score, bands) : risk.NextReviewDate);

        private RiskAssessment Assessment(RiskScore score) => new()
        {
            Likelihood = score.Likelihood,
            Impact = score.Impact,
            AssessedAt = clock.RecordedAt,
            AssessedById = personId,
            Reason = reason,
        };

        private string NameOf(int personId) => people.FirstOrDefault(p => p.Id == personId)?.Name ?? "nobody";

        private string CodeOf(int? councilId) => councilId is null ? RiskFilter.BothCouncils : councils.FirstOrDefault(c => c.Id == councilId)?.Code ?? "?";

        private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
    }
}
