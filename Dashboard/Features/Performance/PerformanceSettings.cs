using Dashboard.Domain.Performance;
using Dashboard.Hosting;

namespace Dashboard.Features.Performance;

/// <summary>The "Performance" section of appsettings.json.</summary>
public sealed class PerformanceSettings
{
    public decimal StabilityBandPercent { get; set; } = PerformanceRules.Default.StabilityBandPercent;

    public StalenessRule StaleAfterDays { get; set; } = StalenessRule.Default;
}

public static class PerformanceRegistration
{
    /// <summary>Registers the rules from "Performance"; a setting that makes no sense stops start-up naming it.</summary>
    public static WebApplicationBuilder AddPerformance(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.Bind<PerformanceSettings>("Performance");
        if (settings.StabilityBandPercent is < 0 or > 100)
        {
            throw new StartupException($"Setting Performance:StabilityBandPercent must be from 0 to 100 (it is {settings.StabilityBandPercent}).");
        }

        if (settings.StaleAfterDays.Validate() is { Count: > 0 } errors)
        {
            throw new StartupException($"Setting Performance:StaleAfterDays is not usable: {string.Join(" ", errors)}");
        }

        builder.Services.AddSingleton(new PerformanceRules(settings.StabilityBandPercent, settings.StaleAfterDays));
        builder.Services.AddScoped<PerformanceCommands>();
        return builder;
    }
}
