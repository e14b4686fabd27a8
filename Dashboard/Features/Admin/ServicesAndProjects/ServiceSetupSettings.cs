namespace Dashboard.Features.Admin.ServicesAndProjects;

public static class ServiceSetupSettings
{
    /// <summary>The commands behind /admin/services: set up, import, order, archive and restore services and projects.</summary>
    public static WebApplicationBuilder AddServiceSetup(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ServiceSetupCommands>();
        builder.Services.AddScoped<ServiceImport>();
        return builder;
    }
}
