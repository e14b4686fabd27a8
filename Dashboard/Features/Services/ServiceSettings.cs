namespace Dashboard.Features.Services;

public static class ServiceSettings
{
    /// <summary>The commands behind status cards, highlight reports and go-live.</summary>
    public static WebApplicationBuilder AddSharedServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StatusCardCommands>();
        builder.Services.AddScoped<ProjectCommands>();
        return builder;
    }
}
