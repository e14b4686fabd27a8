using Dashboard.Data;

namespace Dashboard.Benchmarks;

/// <summary>How big the generated dataset is.</summary>
/// <param name="OutstandingObligations">Updates left owed on the reporting date (0: every PI value is there).</param>
public sealed record DatasetSize(int Services, int Risks, int AssessmentsPerRisk, int ProgrammeRisks, int Indicators, int Months, int OutstandingObligations = 0)
{
    /// <summary>The sizes issue 8 asks for: 40 services, 1,000 risks × 10 assessments, 300 PIs × 2 councils × 120 months.</summary>
    public static DatasetSize Full { get; } = new(Services: 40, Risks: 1_000, AssessmentsPerRisk: 10, ProgrammeRisks: 100, Indicators: 300, Months: 120);

    /// <summary>
    /// For the two jobs, the other sizes: over 1,000,000 PI values and 10,000 outstanding obligations.
    /// Ten years of monthly figures stay as they are; the catalogue grows to 5,000 indicators per council
    /// (a council reporting every service's measures through the dashboard), the least change that reaches a
    /// million values and owes 10,000 of one month's values at once. The page measurements keep the 300 PIs.
    /// </summary>
    public static DatasetSize Jobs { get; } = Full with { Indicators = 5_000, OutstandingObligations = 10_000 };

    public static DatasetSize Smoke { get; } = new(Services: 8, Risks: 60, AssessmentsPerRisk: 3, ProgrammeRisks: 20, Indicators: 10, Months: 12, OutstandingObligations: 20);
}

/// <summary>The parts of a run that can be chosen with <c>--only</c>.</summary>
[Flags]
public enum BenchmarkParts
{
    /// <summary>The board dashboard's server-side render against its raw SQL.</summary>
    Render = 1,

    /// <summary>Change → visible on N open dashboards, the bare round trip, memory per circuit.</summary>
    Live = 2,

    /// <summary>The quarterly rollup and the reminder scan.</summary>
    Jobs = 4,

    All = Render | Live | Jobs,
}

/// <summary>One benchmark run: a provider, the dataset and how many times each measurement is repeated.</summary>
public sealed record BenchmarkOptions
{
    public required DatabaseProvider Provider { get; init; }

    /// <summary>The dataset the pages are measured on.</summary>
    public required DatasetSize Size { get; init; }

    /// <summary>The dataset the jobs are measured on: a database of its own when it differs from <see cref="Size"/>.</summary>
    public required DatasetSize JobsSize { get; init; }

    public BenchmarkParts Parts { get; init; } = BenchmarkParts.All;

    /// <summary>The PostgreSQL server (a database of the run's own is created on it and dropped afterwards).</summary>
    public string? PostgresServer { get; init; }

    public int RenderWarmup { get; init; }

    public int RenderSamples { get; init; }

    /// <summary>How many dashboards are open while a change travels, in increasing order (pages are added, never reopened).</summary>
    public required IReadOnlyList<int> DashboardCounts { get; init; }

    /// <summary>Changes made at each dashboard count.</summary>
    public int ChangeRounds { get; init; }

    /// <summary>Bare circuit round trips measured at each dashboard count.</summary>
    public int RoundTrips { get; init; }

    public int JobWarmup { get; init; }

    public int JobSamples { get; init; }

    public bool IsSmoke { get; init; }

    public static BenchmarkOptions Full(DatabaseProvider provider, string? postgresServer) => new()
    {
        Provider = provider,
        PostgresServer = postgresServer,
        Size = DatasetSize.Full,
        JobsSize = DatasetSize.Jobs,
        RenderWarmup = 30,
        RenderSamples = 300,
        DashboardCounts = [10, 50, 100],
        ChangeRounds = 10,
        RoundTrips = 20,
        JobWarmup = 2,
        JobSamples = 10,
    };

    public static BenchmarkOptions Smoke(DatabaseProvider provider, string? postgresServer) => new()
    {
        Provider = provider,
        PostgresServer = postgresServer,
        Size = DatasetSize.Smoke,
        JobsSize = DatasetSize.Smoke,
        RenderWarmup = 5,
        RenderSamples = 30,
        DashboardCounts = [3],
        ChangeRounds = 4,
        RoundTrips = 8,
        JobWarmup = 1,
        JobSamples = 5,
        IsSmoke = true,
    };
}
