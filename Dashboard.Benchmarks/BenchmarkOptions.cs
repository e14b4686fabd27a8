using Dashboard.Data;

namespace Dashboard.Benchmarks;

/// <summary>How big the generated dataset is.</summary>
public sealed record DatasetSize(int Services, int Risks, int AssessmentsPerRisk, int ProgrammeRisks, int Indicators, int Months)
{
    /// <summary>The sizes issue 8 asks for: 40 services, 1,000 risks × 10 assessments, 300 PIs × 2 councils × 120 months.</summary>
    public static DatasetSize Full { get; } = new(Services: 40, Risks: 1_000, AssessmentsPerRisk: 10, ProgrammeRisks: 100, Indicators: 300, Months: 120);

    public static DatasetSize Smoke { get; } = new(Services: 8, Risks: 60, AssessmentsPerRisk: 3, ProgrammeRisks: 20, Indicators: 10, Months: 12);
}

/// <summary>The parts of a run, so one part can be re-measured on its own (<c>--only render|live|jobs</c>).</summary>
[Flags]
public enum BenchmarkParts
{
    Render = 1,
    Live = 2,
    Jobs = 4,
    All = Render | Live | Jobs,
}

/// <summary>One benchmark run: a provider, the dataset and how many times each measurement is repeated.</summary>
public sealed record BenchmarkOptions
{
    public BenchmarkParts Parts { get; init; } = BenchmarkParts.All;

    public required DatabaseProvider Provider { get; init; }

    public required DatasetSize Size { get; init; }

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
