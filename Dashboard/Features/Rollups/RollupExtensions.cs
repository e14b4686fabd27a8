namespace Dashboard.Features.Rollups;

public static class RollupExtensions
{
    public static WebApplicationBuilder AddQuarterlyRollups(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<QuarterlyRollupJob>();
        builder.Services.AddSingleton(QuarterlyRollupJob.Recurring);
        return builder;
    }
}
