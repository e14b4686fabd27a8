namespace Dashboard.Features.Admin;

public static class MeetingSettings
{
    /// <summary>The commands behind the board's meeting schedule and the bank holidays.</summary>
    public static WebApplicationBuilder AddMeetings(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MeetingCommands>();
        builder.Services.AddScoped<BankHolidayCommands>();
        return builder;
    }
}
