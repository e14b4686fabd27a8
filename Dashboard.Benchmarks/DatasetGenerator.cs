using System.Diagnostics;
using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Reminders;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Dashboard.Features.Reminders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Dashboard.Benchmarks;

/// <summary>What the generator made, for the measurements that need to find it again.</summary>
public sealed record GeneratedDataset(IReadOnlyList<(int Id, string Ref)> OpenProgrammeRisks, int Rows, TimeSpan Took);

/// <summary>The reminder rules the app will apply and its reporting date, so the generator can leave the right updates owed.</summary>
public sealed record ReminderPlan(ReminderRules Rules, DateOnly Today);

/// <summary>
/// Fills a freshly migrated database with a large, deterministic dataset through the app's own EF model,
/// ending at the current month (the app's reporting date once the demo is off). Rows are saved as given,
/// without change detection: the generated rows are not users' edits, so they get no audit entry each.
/// The two big tables (PI values and targets) are written the provider's own bulk way — one transaction
/// and one prepared INSERT on SQLite, binary COPY on PostgreSQL — into the tables the migrations made, with
/// the EF model's column names and value conversions; the rest in batches through EF.
/// </summary>
public static class DatasetGenerator
{
    private const int BatchRows = 10_000;

    public static async Task<GeneratedDataset> GenerateAsync(DashboardDatabase database, DatasetSize size, ReminderPlan reminders)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(8);
        var now = DateTimeOffset.UtcNow;
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        var months = Enumerable.Range(0, size.Months).Select(m => thisMonth.AddMonths(m - size.Months + 1)).ToList();
        var rows = 0;

        var councils = new List<Council> { new() { Code = "BDC", Name = "Bromsgrove District Council" }, new() { Code = "RBC", Name = "Redditch Borough Council" } };
        rows += await SaveAsync(database, councils);

        var people = Enumerable.Range(1, size.Services + 20)
            .Select(i => new Person { Name = $"Manager {i:D3}", JobTitle = "Service manager", Email = $"manager{i:D3}@bench.example", CouncilId = councils[i % 2].Id })
            .ToList();
        rows += await SaveAsync(database, people);

        var services = Enumerable.Range(1, size.Services)
            .Select(i => new SharedService
            {
                Name = $"Shared service {i:D2}",
                Description = "Generated for the benchmarks.",
                Phase = i % 4 == 0 ? ServicePhase.ProjectUnderway : ServicePhase.Live,
                Arrangement = ServiceArrangement.BetweenTheCouncils,
                HostCouncilId = councils[i % 2].Id,
                OwnerId = people[i - 1].Id,
                GoLiveDate = months[0],
            })
            .ToList();
        rows += await SaveAsync(database, services);

        rows += await SaveAsync(database, services.SelectMany(s => months.Select(month => new StatusUpdate
        {
            SharedServiceId = s.Id,
            Period = month,
            Rag = RandomRag(random),
            Commentary = $"{s.Name}: position at {month:MMM yyyy}. Generated commentary of a realistic length for the board's table.",
            UpdatedById = s.OwnerId,
            UpdatedAt = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(20),
            Version = Guid.NewGuid(),
        })));

        var programme = new RiskRegister { Name = "Shared Services programme", Kind = RiskRegisterKind.Programme, OwnerId = people[0].Id, RiskAppetite = 8 };
        var registers = new List<RiskRegister> { programme };
        registers.AddRange(services.Select(s => new RiskRegister { Name = $"{s.Name} risks", Kind = RiskRegisterKind.Service, SharedServiceId = s.Id, OwnerId = s.OwnerId, RiskAppetite = 6 }));
        rows += await SaveAsync(database, registers);

        var risks = Enumerable.Range(0, size.Risks).Select(i =>
        {
            var inProgramme = i < size.ProgrammeRisks;
            var register = inProgramme ? programme : registers[1 + (i % size.Services)];
            return new Risk
            {
                RiskRegisterId = register.Id,
                Ref = inProgramme ? $"{i + 1}" : $"S{register.SharedServiceId}-{i + 1}",
                Title = $"Generated risk {i + 1}: delivery of the shared service is affected by staffing and systems changes",
                Mitigation = "Regular review at the Shared Services Board; mitigation plan owned by the service manager.",
                OwnerId = people[i % people.Count].Id,
                CouncilId = (i % 3) switch { 0 => null, 1 => councils[0].Id, _ => councils[1].Id },
                TargetLikelihood = Likelihood.Low,
                TargetImpact = Impact.Marginal,
                Status = inProgramme || i % 5 != 0 ? RiskStatus.Open : RiskStatus.Closed,
                RaisedOn = thisMonth.AddMonths(-size.AssessmentsPerRisk),
                NextReviewDate = thisMonth.AddMonths(1 + (i % 3)),
                Version = Guid.NewGuid(),
                Assessments = Enumerable.Range(0, size.AssessmentsPerRisk).Select(a => new RiskAssessment
                {
                    Likelihood = (Likelihood)random.Next(1, 5),
                    Impact = (Impact)random.Next(1, 5),
                    AssessedAt = now.AddMonths(a - size.AssessmentsPerRisk).AddHours(i % 24),
                    AssessedById = people[(i + a) % people.Count].Id,
                    Reason = "Monthly review.",
                }).ToList(),
            };
        }).ToList();
        rows += await SaveAsync(database, risks, rowsPerItem: 1 + size.AssessmentsPerRisk);
        rows += risks.Sum(r => r.Assessments.Count);

        var indicators = Enumerable.Range(1, size.Indicators)
            .Select(i => new PerformanceIndicator
            {
                Ref = $"PI {i:D3}",
                Description = $"Generated indicator {i}",
                Unit = "%",
                Polarity = i % 2 == 0 ? Polarity.HigherIsBetter : Polarity.LowerIsBetter,
                Frequency = CollectionFrequency.Monthly,
                Aggregation = (YtdAggregation)(1 + (i % 3)),
                TolerancePercent = 5,
                DecimalPlaces = 1,
                OwnerId = people[i % people.Count].Id,
                SharedServiceId = services[i % services.Count].Id,
            })
            .ToList();
        rows += await SaveAsync(database, indicators);

        var financialYears = months.Select(FinancialYearOf).Distinct().ToList();
        rows += await BulkInsertAsync(database, indicators.SelectMany(pi => councils.SelectMany(c => financialYears.Select(year =>
            new PiTarget { PerformanceIndicatorId = pi.Id, CouncilId = c.Id, FinancialYear = year, Target = 50 + (pi.Id % 40) }))),
            nameof(PiTarget.PerformanceIndicatorId), nameof(PiTarget.CouncilId), nameof(PiTarget.FinancialYear), nameof(PiTarget.PeriodStart), nameof(PiTarget.Target));

        var owed = OwedValues(size, reminders, risks, indicators, councils);
        rows += await BulkInsertAsync(database, indicators.SelectMany(pi => councils.SelectMany(c => months
            .Where(month => !owed.Contains((pi.Id, c.Id, month)))
            .Select(month => new PiValue
            {
                PerformanceIndicatorId = pi.Id,
                CouncilId = c.Id,
                PeriodStart = month,
                Value = Math.Round(40m + (decimal)(random.NextDouble() * 40), 1),
                EnteredById = pi.OwnerId,
                EnteredAt = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMonths(1).AddDays(5),
            }))),
            nameof(PiValue.PerformanceIndicatorId), nameof(PiValue.CouncilId), nameof(PiValue.PeriodStart), nameof(PiValue.Value), nameof(PiValue.EnteredById), nameof(PiValue.EnteredAt));

        if (database.Provider == DatabaseProvider.Postgres)
        {
            // A live server's autovacuum would have analysed tables this size long ago; without statistics the
            // planner guesses, and the measurements would be of a database no one runs.
            await using var db = database.CreateCopyingContext();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }

        var openProgramme = risks.Where(r => r.RiskRegisterId == programme.Id).Select(r => (r.Id, r.Ref)).ToList();
        return new GeneratedDataset(openProgramme, rows, watch.Elapsed);
    }

    // April to March: the councils' financial year, named by the year it starts in.
    private static int FinancialYearOf(DateOnly month) => month.Month >= 4 ? month.Year : month.Year - 1;

    private static Rag RandomRag(Random random) => random.Next(10) switch
    {
        < 6 => Rag.Green,
        < 9 => Rag.Amber,
        _ => Rag.Red,
    };

    private static async Task<int> SaveAsync<T>(DashboardDatabase database, IEnumerable<T> items, int rowsPerItem = 1)
        where T : class
    {
        var count = 0;
        foreach (var batch in items.Chunk(Math.Max(1, BatchRows / rowsPerItem)))
        {
            await using var db = database.CreateCopyingContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Set<T>().AddRange(batch);
            await db.SaveChangesAsync();
            count += batch.Length;
        }

        return count;
    }

    /// <summary>
    /// The PI values to leave out so that, on the app's reporting date, exactly <see cref="DatasetSize.OutstandingObligations"/>
    /// updates are owed with a reminder step in play: the open risks whose review falls in that window are owed
    /// already (no board meetings are generated, so no status card or highlight report is), and the rest are
    /// the latest values whose deadline is in the window — as if most owners had not yet sent last month's figures.
    /// </summary>
    private static HashSet<(int IndicatorId, int CouncilId, DateOnly Period)> OwedValues(
        DatasetSize size, ReminderPlan plan, IReadOnlyList<Risk> risks, IReadOnlyList<PerformanceIndicator> indicators, IReadOnlyList<Council> councils)
    {
        if (size.OutstandingObligations == 0)
        {
            return [];
        }

        var (from, to) = plan.Rules.Ladder.DeadlinesInPlay(plan.Today, plan.Rules.ConfiguredCalendar);
        var schedule = new ObligationSchedule(plan.Rules.Deadlines, plan.Rules.ConfiguredCalendar, []);
        var reviews = schedule.RiskReviews(risks.Where(r => r.Status == RiskStatus.Open).Select(r => new RiskToReview(r.Id, r.Ref, r.Title, r.OwnerId, r.NextReviewDate)), from, to).Count();
        return [.. schedule.PerformanceValues(indicators.Select(p => new IndicatorToReport(p.Id, p.Ref, p.Description, p.Frequency, p.OwnerId)), [.. councils.Select(c => (c.Id, c.Code))], from, to)
            .Take(Math.Max(0, size.OutstandingObligations - reviews))
            .Select(o => (o.SubjectId, o.CouncilId!.Value, o.Period))];
    }

    /// <summary>
    /// Writes rows of one entity (the given properties; the key comes from the database) into its migrated
    /// table: on SQLite in one transaction through one prepared, parameterised INSERT; on PostgreSQL by binary
    /// COPY. Values go through the EF model's conversions, so they are stored exactly as the app stores them.
    /// </summary>
    private static async Task<int> BulkInsertAsync<T>(DashboardDatabase database, IEnumerable<T> items, params string[] propertyNames)
        where T : class
    {
        await using var db = database.CreateCopyingContext();
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = propertyNames.Select(name =>
        {
            var property = entity.FindProperty(name)!;
            var mapping = property.GetRelationalTypeMapping();
            return (Name: property.GetColumnName(table)!, StoreType: property.GetColumnType(table), Getter: property.GetGetter(), mapping.Converter);
        }).ToList();
        object? ValueOf(T item, int column) =>
            columns[column].Getter.GetClrValue(item) is { } value ? columns[column].Converter?.ConvertToProvider(value) ?? value : null;

        var columnList = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await db.Database.OpenConnectionAsync();
        var count = 0;
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columnList}) FROM STDIN (FORMAT BINARY)");

            // Completing a million-row COPY (index upkeep) outlasts the default 30 s on a busy machine.
            importer.Timeout = TimeSpan.FromMinutes(10);
            foreach (var item in items)
            {
                await importer.StartRowAsync();
                for (var i = 0; i < columns.Count; i++)
                {
                    if (ValueOf(item, i) is { } value)
                    {
                        await importer.WriteAsync(value, columns[i].StoreType);
                    }
                    else
                    {
                        await importer.WriteNullAsync();
                    }
                }

                count++;
            }

            await importer.CompleteAsync();
            return count;
        }

        var sqlite = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = sqlite.BeginTransaction();
        await using var command = sqlite.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({columnList}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" })).ToArray();
        command.Prepare();
        foreach (var item in items)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = ValueOf(item, i) ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
            count++;
        }

        await transaction.CommitAsync();
        return count;
    }
}
