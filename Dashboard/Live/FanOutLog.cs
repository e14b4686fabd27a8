using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dashboard.Live;

/// <summary>One change's trip to the screens on this server.</summary>
/// <param name="Summary">The change's summary, which is how a benchmark finds the change it made.</param>
/// <param name="Subscribers">How many subscriptions heard it (screens that do not show it included).</param>
/// <param name="Milliseconds">Published (on PostgreSQL: heard on the channel) → the last subscriber's refresh done, its render batch handed to the circuit's connection.</param>
public sealed record FanOut(string Summary, int Subscribers, double Milliseconds);

/// <summary>
/// Where the server-side fan-out time is measured: every change's <see cref="FanOut"/> goes to the
/// <c>dashboard.live.fanout.duration</c> histogram of the <c>Dashboard.Live</c> meter (for any metrics exporter) and
/// to a short list of recent ones, which the benchmark reads through <c>/diagnostics/live</c>.
/// </summary>
public sealed class FanOutLog
{
    public const string MeterName = "Dashboard.Live";

    private const int Kept = 64;

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "dashboard.live.fanout.duration", "ms", "Change published → the last open screen's refresh rendered, on this server.");

    private readonly ConcurrentQueue<FanOut> recent = new();

    public IReadOnlyList<FanOut> Recent => [.. recent];

    /// <summary>Starts timing a change that <paramref name="subscribers"/> subscriptions will hear; each calls <see cref="Trip.Done"/> once.</summary>
    public Trip Start(DashboardChange change, int subscribers) => new(this, change, subscribers);

    private void Record(DashboardChange change, int subscribers, double milliseconds)
    {
        Duration.Record(milliseconds, new KeyValuePair<string, object?>("dashboard.change.area", change.Area.ToString()));
        recent.Enqueue(new FanOut(change.Summary, subscribers, milliseconds));
        while (recent.Count > Kept && recent.TryDequeue(out _))
        {
        }
    }

    public sealed class Trip
    {
        private readonly FanOutLog log;
        private readonly DashboardChange change;
        private readonly int subscribers;
        private readonly long started = Stopwatch.GetTimestamp();
        private int remaining;

        internal Trip(FanOutLog log, DashboardChange change, int subscribers)
        {
            this.log = log;
            this.change = change;
            this.subscribers = subscribers;
            remaining = subscribers;
            if (subscribers == 0)
            {
                Finish();
            }
        }

        public void Done()
        {
            if (Interlocked.Decrement(ref remaining) == 0)
            {
                Finish();
            }
        }

        private void Finish() => log.Record(change, subscribers, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
