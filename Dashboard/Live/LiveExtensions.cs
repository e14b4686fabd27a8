namespace Dashboard.Live;

public static class LiveExtensions
{
    public static WebApplicationBuilder AddLiveUpdates(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IChangeNotifier, InProcessChangeNotifier>();
        return builder;
    }
}
