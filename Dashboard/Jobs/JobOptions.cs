namespace Dashboard.Jobs;

/// <summary>The "Jobs" settings: where Hangfire keeps its queue, and when the recurring jobs run.</summary>
public sealed class JobOptions
{
    /// <summary>"InMemory" (the default: nothing to install) or "PostgreSql" (survives restarts, shared by several servers).</summary>
    public string Storage { get; set; } = InMemory;

    public string? PostgreSqlConnection { get; set; }

    /// <summary>Background workers; kept small because the jobs are light and the server is shared.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>Cron expressions in Europe/London time, by recurring job id.</summary>
    public Dictionary<string, string> Schedules { get; set; } = [];

    public const string InMemory = "InMemory";
    public const string PostgreSql = "PostgreSql";
}
