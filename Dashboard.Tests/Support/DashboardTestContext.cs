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
/// database (SQLite, or PostgreSQL where a subclass says so) behind IDbContextFactory, and the reporting clock at the demo's date (9 Dec 2010).
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    protected DashboardTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(ScoreBandSet.Default);
        Services.AddSingleton(Dashboard.Domain.Performance.PerformanceRules.Default);
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(new ReportingClock(Time, new DateOnly(2010, 12, 9)));
        Services.AddSingleton<IDbContextFactory<DashboardDbContext>>(_ => Database.Factory);
        Services.AddSingleton<Dashboard.Live.IChangeNotifier>(Notifier);
        Services.AddSingleton<Dashboard.Live.SharedReads>();
        Services.AddScoped<Dashboard.Auth.CurrentUser>();

        // The board dashboard's next meeting, with the default deadlines.
        Services.AddSingleton(new Dashboard.Features.Reminders.ReminderRules(
            Dashboard.Domain.Reminders.DeadlineRules.Default, Dashboard.Domain.Reminders.ReminderLadder.Default,
            new Dashboard.Domain.Reminders.WorkingCalendar([]), new Uri("http://dashboard.example/")));
        Services.AddScoped<Dashboard.Features.Reminders.ReminderQueries>();
        Services.AddScoped<Dashboard.Features.Admin.MeetingCommands>();
    }

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2010, 12, 9, 10, 0, 0, TimeSpan.Zero));

    protected TestDatabase Database { get; private set; } = null!;

    /// <summary>The real in-process notifier, so tests can see what a save announced.</summary>
    protected Dashboard.Live.InProcessChangeNotifier Notifier { get; } = new(Microsoft.Extensions.Logging.Abstractions.NullLogger<Dashboard.Live.InProcessChangeNotifier>.Instance);

    /// <summary>
    /// Signs the test's user in as a demo person with the given roles, the way the app's cookie would:
    /// name, person id and roles. Returns the person's id.
    /// </summary>
    protected async Task<int> SignInAsAsync(string personName, params string[] roles)
    {
        await using var db = await Database.OpenAsync();
        var personId = await db.People.Where(p => p.Name == personName).Select(p => p.Id).SingleAsync();
        var auth = AddAuthorization();
        auth.SetAuthorized(personName);
        auth.SetRoles(roles);
        auth.SetClaims(
            new System.Security.Claims.Claim(Dashboard.Auth.DashboardClaimsFactory.PersonIdClaim, personId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new System.Security.Claims.Claim(Dashboard.Auth.DashboardClaimsFactory.DisplayNameClaim, personName));
        return personId;
    }

    /// <summary>
    /// Waits until <paramref name="shown"/> holds, then until the renders that set off have run. On
    /// SQLite a page's queries complete synchronously, so Render returns with everything drawn; on PostgreSQL
    /// they are really asynchronous, and when the data first shows MudBlazor is still re-rendering and
    /// after-render work (such as a live subscription) is still to come: a click then can hit an element
    /// that is about to be replaced. Queuing an empty action on the renderer waits for all of that.
    /// </summary>
    protected static void WaitUntilSettled<TComponent>(IRenderedComponent<TComponent> component, Action shown)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        component.WaitForAssertion(shown, TimeSpan.FromSeconds(10));
        component.InvokeAsync(() => { }).GetAwaiter().GetResult();
    }

    /// <summary>Override to start from an empty database instead of the demo data.</summary>
    protected virtual bool Seeded => true;

    /// <summary>Override (in a "…OnPostgres" subclass) to run the same tests against PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public virtual async ValueTask InitializeAsync() =>
        Database = Seeded ? await TestDatabase.CreateSeededAsync(Provider) : await TestDatabase.CreateEmptyAsync(Provider);

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
