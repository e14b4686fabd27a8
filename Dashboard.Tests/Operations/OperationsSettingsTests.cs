using Dashboard.Tests.Hosting;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Operations;

/// <summary>A bad backup, retention or telemetry setting stops start-up with one line naming it.</summary>
public sealed class OperationsSettingsTests
{
    [Theory]
    [InlineData("Backups__Keep", "0", "Setting Backups:Keep must be at least 1, not 0.")]
    [InlineData("Audit__RetentionYears", "0", "Setting Audit:RetentionYears must be at least 1 (complete financial years kept before the current one), not 0.")]
    [InlineData("Telemetry__OtlpEndpoint", "collector:4317", "Setting Telemetry:OtlpEndpoint must be the collector's http(s) address, e.g. http://localhost:4317, not 'collector:4317'.")]
    public async Task A_bad_operations_setting_names_itself(string variable, string value, string message)
    {
        var (exitCode, stderr) = await StartupErrorTests.RunAppAsync(Path.GetTempPath(), new()
        {
            ["Database__Path"] = TestDatabase.NewTemporaryPath(),
            [variable] = value,
        });

        Assert.Equal(1, exitCode);
        Assert.Equal($"Dashboard cannot start: {message}", Assert.Single(StartupErrorTests.NonEmptyLines(stderr)));
    }
}
