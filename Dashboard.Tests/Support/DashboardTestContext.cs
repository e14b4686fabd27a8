using Bunit;
using Dashboard.Data;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Dashboard.Tests.Support;

/// <summary>
/// The one bUnit base class: MudBlazor's services, JS interop as MudBlazor needs it, a real demo-seeded
/// SQLite file behind IDbContextFactory, and the reporting clock at the demo's date (9 Dec 2010).
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    protected DashboardTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(ScoreBandSet.Default);
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(new ReportingClock(Time, new DateOnly(2010, 12, 9)));
        Services.AddSingleton<IDbContextFactory<DashboardDbContext>>(_ => Database.Factory);
    }

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2010, 12, 9, 10, 0, 0, TimeSpan.Zero));

    protected TestDatabase Database { get; private set; } = null!;

    /// <summary>Override to start from an empty database instead of the demo data.</summary>
    protected virtual bool Seeded => true;

    public virtual async ValueTask InitializeAsync() =>
        Database = Seeded ? await TestDatabase.CreateSeededAsync() : await TestDatabase.CreateEmptyAsync();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
