namespace Dashboard.Features.Admin.ServicesAndProjects;

public static class ServiceSetupSettings
{
    /// <summary>The commands behind /admin/services: set up, order, archive and restore services and projects.</summary>
    public static WebApplicationBuilder AddServiceSetup(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ServiceSetupCommands>();
        return builder;
    }
}
