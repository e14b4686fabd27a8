using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dashboard.Operations;

/// <summary>
/// The dashboard's own measurements, on one <see cref="Meter"/> that OpenTelemetry exports when Telemetry:OtlpEndpoint
/// is set (and that dotnet-counters can watch at any time). Static, as the .NET guidance has it for a library's meter,
/// so that the live plumbing and the jobs record with one line and no extra constructor parameter.
/// </summary>
public static class DashboardMetrics
{
    public const string MeterName = "Dashboard";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> FanOutTime = Meter.CreateHistogram<double>(
        "dashboard.live.fan_out.duration", "s", "How long one open screen took to refresh for a saved change (each screen hears it on its own thread).");

    private static readonly UpDownCounter<long> OpenCircuits = Meter.CreateUpDownCounter<long>(
        "dashboard.circuits.open", "{circuit}", "Interactive sessions (browser tabs) connected now.");

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "dashboard.jobs.runs", "{run}", "Background job runs, by job and outcome (succeeded or failed).");

    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>(
        "dashboard.reminders", "{email}", "Reminder emails, by outcome (sent, failed, undeliverable).");

    private static readonly Counter<long> Backups = Meter.CreateCounter<long>(
        "dashboard.backups", "{backup}", "Database backups taken, by outcome (succeeded or failed).");

    /// <summary>Times one screen's refresh from a change's announcement: dispose when the refresh has finished.</summary>
    public static FanOutTimer TimeFanOut(object area) => new(area.ToString() ?? "", Stopwatch.GetTimestamp());

    public static void CircuitOpened() => OpenCircuits.Add(1);

    public static void CircuitClosed() => OpenCircuits.Add(-1);

    public static void JobRan(string job, bool succeeded) =>
        JobRuns.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));

    public static void Reminder(string outcome) => Reminders.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void BackupTaken(bool succeeded) => Backups.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));

    public readonly record struct FanOutTimer(string Area, long Started) : IDisposable
    {
        public void Dispose() => FanOutTime.Record(Stopwatch.GetElapsedTime(Started).TotalSeconds, new KeyValuePair<string, object?>("area", Area));
    }
}
