namespace Dashboard.Features.Savings;

public static class SavingsSettings
{
    /// <summary>The savings lines' commands.</summary>
    public static WebApplicationBuilder AddSavings(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SavingsCommands>();
        return builder;
    }
}
