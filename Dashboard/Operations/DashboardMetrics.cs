using System.Diagnostics.Metrics;

namespace Dashboard.Operations;

/// <summary>
/// The dashboard's own measurements, on one <see cref="Meter"/> that OpenTelemetry exports when Telemetry:OtlpEndpoint
/// is set (and that dotnet-counters can watch at any time). Static, as the .NET guidance has it for a library's meter,
/// so that the jobs record with one line and no extra constructor parameter. The live fan-out time has its own meter,
/// <see cref="Live.FanOutLog"/>, exported beside this one.
/// </summary>
public static class DashboardMetrics
{
    public const string MeterName = "Dashboard";

    private static readonly Meter Meter = new(MeterName);

    private static readonly UpDownCounter<long> OpenCircuits = Meter.CreateUpDownCounter<long>(
        "dashboard.circuits.open", "{circuit}", "Interactive sessions (browser tabs) connected now.");

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "dashboard.jobs.runs", "{run}", "Background job runs, by job and outcome (succeeded or failed).");

    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>(
        "dashboard.reminders", "{email}", "Reminder emails, by outcome (sent, failed, undeliverable).");

    private static readonly Counter<long> Backups = Meter.CreateCounter<long>(
        "dashboard.backups", "{backup}", "Database backups taken, by outcome (succeeded or failed).");

    public static void CircuitOpened() => OpenCircuits.Add(1);

    public static void CircuitClosed() => OpenCircuits.Add(-1);

    public static void JobRan(string job, bool succeeded) =>
        JobRuns.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));

    public static void Reminder(string outcome) => Reminders.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void BackupTaken(bool succeeded) => Backups.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));
}
