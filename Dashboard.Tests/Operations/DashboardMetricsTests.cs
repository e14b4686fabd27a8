using Dashboard.Domain.Finance;
using Dashboard.Features.Savings;
using Dashboard.Live;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Dashboard.Tests.Operations;

/// <summary>What an IT team's metrics collector receives: a saved change shows as the time open screens took to refresh.</summary>
public sealed class DashboardMetricsTests : DashboardTestContext
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saving_a_change_that_open_screens_hear_emits_the_fan_out_time()
    {
        var exported = new List<MetricSnapshot>();
        using var metrics = Sdk.CreateMeterProviderBuilder().AddMeter(FanOutLog.MeterName).AddInMemoryExporter(exported).Build();
        using var openScreen = new Announcements(Notifier);
        SavingsLine line;
        await using (var db = await Database.OpenAsync())
        {
            line = await db.SavingsLines.AsNoTracking().FirstAsync(l => l.CouncilId != null, Ct);
        }

        var commands = new SavingsCommands(Database.Factory, await TestUsers.CurrentUserAsync(Database, "Priya Shah", Dashboard.Domain.Organisation.Roles.Administrator), Notifier);
        var input = new SavingsLineInput
        {
            CouncilId = line.CouncilId, FinancialYear = line.FinancialYear, Description = line.Description, SharedServiceId = line.SharedServiceId,
            OwnerId = line.OwnerId, Target = Money.Editable(line.Target), Forecast = Money.Editable(line.Forecast + 1_000m),
            Delivered = line.Delivered is { } d ? Money.Editable(d) : null, Commentary = line.Commentary,
        };

        var (result, _) = await commands.SaveAsync(line.Id, line.Version, input, Ct);
        Assert.True(result.Succeeded, result.Error);
        await openScreen.AfterFirstAsync();

        // The screen's refresh is timed once it has finished, just after it heard the change.
        Assert.True(await FanOutRecordedAsync(metrics, exported, "Savings"), "No fan-out time was exported for the savings change.");
        Assert.Equal("ms", exported.First(m => m.Name == "dashboard.live.fanout.duration").Unit);
    }

    private static async Task<bool> FanOutRecordedAsync(MeterProvider metrics, List<MetricSnapshot> exported, string area)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            exported.Clear();
            metrics.ForceFlush();
            if (exported.Where(m => m.Name == "dashboard.live.fanout.duration").SelectMany(m => m.MetricPoints)
                .Any(p => Equals(TagOf(p, "dashboard.change.area"), area) && p.GetHistogramCount() >= 1))
            {
                return true;
            }

            await Task.Delay(50, Ct);
        }

        return false;
    }

    private static object? TagOf(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }
}
