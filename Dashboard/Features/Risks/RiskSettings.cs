using Dashboard.Domain.Risks;
using Dashboard.Hosting;

namespace Dashboard.Features.Risks;

public static class RiskSettings
{
    /// <summary>Registers the score bands from "Risks:ScoreBands"; a gap or overlap stops start-up naming the setting.</summary>
    public static WebApplicationBuilder AddRisks(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.Bind<List<ScoreBand>>("Risks:ScoreBands");
        ScoreBandSet bands;
        if (configured.Count == 0)
        {
            bands = ScoreBandSet.Default;
        }
        else
        {
            var errors = ScoreBandSet.Validate(configured);
            if (errors.Count > 0)
            {
                throw new StartupException($"Setting Risks:ScoreBands is not usable: {string.Join(" ", errors)}");
            }

            bands = ScoreBandSet.Create(configured);
        }

        builder.Services.AddSingleton(bands);
        builder.Services.AddScoped<RiskCommands>();
        builder.Services.AddScoped<IssueCommands>();
        builder.Services.AddScoped<RiskImport>();
        return builder;
    }
}
