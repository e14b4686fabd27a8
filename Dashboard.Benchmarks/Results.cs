using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Benchmarks;

/// <summary>
/// One figure of a run. <see cref="Ratio"/> compares it with the physical limit measured in the same run
/// (<see cref="RatioTo"/>); <see cref="Guarded"/> figures are the ones the smoke check (`--check`, after the tests in .ci/run) compares
/// with the committed baseline (all are "lower is better").
/// </summary>
public sealed record Measure(string Key, string Name, double Value, string Unit, string Target, double? Ratio, string? RatioTo, bool Guarded)
{
    public string Formatted => Unit == "ms" || Unit == "KB" || Unit == "s"
        ? $"{Value.ToString(Value >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture)} {Unit}"
        : $"{Value.ToString("F2", CultureInfo.InvariantCulture)} {Unit}";
}

public sealed record BenchmarkResult(string Provider, bool Smoke, string Dataset, DateTimeOffset At, int ProcessorCount, IReadOnlyList<Measure> Measures, IReadOnlyList<string> Notes);

public sealed record BenchmarkReport(IReadOnlyList<BenchmarkResult> Runs)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BenchmarkReport FromJson(string json) => JsonSerializer.Deserialize<BenchmarkReport>(json, Json)
        ?? throw new InvalidDataException("Empty benchmark report.");

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        foreach (var run in Runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"**{run.Provider}** — {run.Dataset}; {run.ProcessorCount} cores; {run.At:yyyy-MM-dd HH:mm} UTC");
            text.AppendLine();
            text.AppendLine("| Measure | Value | Target | Ratio to the physical limit |");
            text.AppendLine("|---|---|---|---|");
            foreach (var m in run.Measures)
            {
                var ratio = m.Ratio is { } r ? $"{r.ToString("F1", CultureInfo.InvariantCulture)}× {m.RatioTo}" : "—";
                text.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {m.Formatted} | {m.Target} | {ratio} |");
            }

            text.AppendLine();
            foreach (var note in run.Notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>
    /// What makes this report unlike the baseline's shape, whatever the machine's speed: a run the baseline has that
    /// is missing, a guarded figure not measured, a time that is not a positive finite number, a size that is not finite.
    /// </summary>
    public IReadOnlyList<string> ProblemsAgainst(BenchmarkReport baseline)
    {
        var problems = new List<string>();
        foreach (var before in baseline.Runs)
        {
            var run = Runs.FirstOrDefault(r => r.Provider == before.Provider && r.Smoke == before.Smoke);
            if (run is null)
            {
                problems.Add($"{before.Provider}: not run.");
                continue;
            }

            problems.AddRange(before.Measures.Where(m => m.Guarded && run.Measures.All(r => r.Key != m.Key)).Select(m => $"{run.Provider}: {m.Name} was not measured."));
            problems.AddRange(run.Measures
                .Where(m => !double.IsFinite(m.Value) || (m.Unit == "ms" && m.Value <= 0))
                .Select(m => $"{run.Provider}: {m.Name} came out as {m.Value}."));
        }

        return problems;
    }

    /// <summary>
    /// The guarded figures more than <paramref name="factor"/> times worse than the baseline's. A figure must
    /// also be worse by more than the noise floor of its unit (e.g. 100 ms), so that a figure of a few
    /// milliseconds on a shared 2-core machine does not fail the build over scheduling jitter.
    /// </summary>
    public IReadOnlyList<string> RegressionsAgainst(BenchmarkReport baseline, double factor, IReadOnlyDictionary<string, double> noiseFloorByUnit)
    {
        var regressions = new List<string>();
        foreach (var run in Runs)
        {
            var before = baseline.Runs.FirstOrDefault(b => b.Provider == run.Provider && b.Smoke == run.Smoke);
            if (before is null)
            {
                regressions.Add($"{run.Provider}: no baseline run to compare with.");
                continue;
            }

            foreach (var m in run.Measures.Where(m => m.Guarded))
            {
                var old = before.Measures.FirstOrDefault(b => b.Key == m.Key);
                if (old is null)
                {
                    regressions.Add($"{run.Provider}: {m.Name} has no baseline figure.");
                }
                else if (m.Value > old.Value * factor && m.Value - old.Value > noiseFloorByUnit.GetValueOrDefault(m.Unit))
                {
                    regressions.Add($"{run.Provider}: {m.Name} is {m.Formatted}, more than {factor}× the baseline {old.Formatted}.");
                }
            }
        }

        return regressions;
    }
}

public static class Percentiles
{
    /// <summary>Nearest-rank percentile (p in 0–100) of a sample.</summary>
    public static double Of(IReadOnlyCollection<double> sample, double p)
    {
        if (sample.Count == 0)
        {
            throw new ArgumentException("An empty sample has no percentile.", nameof(sample));
        }

        var sorted = sample.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
