namespace Dashboard.Features.Admin.People;

public static class PeopleExtensions
{
    /// <summary>The people and accounts pages' queries and commands.</summary>
    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PeopleQueries>();
        builder.Services.AddScoped<PeopleCommands>();
        builder.Services.AddScoped<PeopleImport>();
        return builder;
    }
}
