namespace Dashboard.Features.Services;

public static class ServiceSettings
{
    /// <summary>The commands behind status cards, highlight reports, go-live and benefits realisation.</summary>
    public static WebApplicationBuilder AddSharedServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StatusCardCommands>();
        builder.Services.AddScoped<ProjectCommands>();
        builder.Services.AddScoped<BenefitsCommands>();
        return builder;
    }
}
