using Dashboard.Domain.Time;
using MudBlazor.Services;

namespace Dashboard.Hosting;

public static class HostingExtensions
{
    /// <summary>The demo switch and the reporting clock (pinned to the demo's date while the demo is on).</summary>
    public static WebApplicationBuilder AddReportingClock(this WebApplicationBuilder builder)
    {
        var demo = builder.Configuration.Bind<DemoOptions>("Demo");
        var pinned = demo.Enabled ? DashboardConfiguration.ParseDate("Demo:Today", demo.Today) : null;
        builder.Services.AddSingleton(demo);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new ReportingClock(sp.GetRequiredService<TimeProvider>(), pinned));
        return builder;
    }

    public static WebApplicationBuilder AddUserInterface(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }
}
