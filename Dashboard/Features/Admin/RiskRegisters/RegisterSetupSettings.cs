namespace Dashboard.Features.Admin.RiskRegisters;

public static class RegisterSetupSettings
{
    /// <summary>The commands behind /admin/registers: set up, rename, archive and restore risk registers.</summary>
    public static WebApplicationBuilder AddRegisterSetup(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RegisterSetupCommands>();
        return builder;
    }
}
