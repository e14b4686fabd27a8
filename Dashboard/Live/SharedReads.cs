using Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Live;

/// <summary>
/// One view of data that every screen showing it can share: a record whose values say everything the read depends on
/// (a register and comparison date, a service id, the reporting date…), so two equal views are the same read.
/// What the read returns is shared between circuits, so it must never be changed: records and lists of records,
/// projected from the database, not tracked entities with their histories.
/// </summary>
public interface ISharedView<T>
    where T : class?
{
    /// <summary>Reads the view on a pool thread, in a scope of its own: it belongs to no one circuit.</summary>
    Task<T> ReadAsync(DashboardDbContext db, IServiceProvider services);
}

/// <summary>
/// Screens' data, read once per change and shared: when something changes, every open screen showing it refreshes,
/// and a hundred of them showing the same view cost one database read (and hold one copy of the rows) instead of a
/// hundred. A read is good until <see cref="IChangeNotifier.Version"/> moves, which happens before any screen hears
/// of the change, so a screen refreshing for a change never gets an older read.
/// </summary>
public sealed class SharedReads(IServiceScopeFactory scopes, IChangeNotifier changes)
{
    // Views differ by register, service, month chosen…; a few dozen are open at once. Past this, drop the reads a
    // change has already outdated, and if that is not enough start again, rather than keep reads nobody asks for.
    private const int MaxViews = 128;

    private readonly Lock gate = new();
    private readonly Dictionary<object, (long Version, object Read)> views = [];

    /// <summary>The view as read since the last change, reading it if no one has.</summary>
    public Task<T> GetAsync<T>(ISharedView<T> view)
        where T : class? => Get(view, fresh: false);

    /// <summary>
    /// The view read now, shared from then on: for a screen that has just saved, whose own change may not have moved
    /// <see cref="IChangeNotifier.Version"/> yet (on PostgreSQL it moves when the notification comes back).
    /// </summary>
    public Task<T> RefreshAsync<T>(ISharedView<T> view)
        where T : class? => Get(view, fresh: true);

    private Task<T> Get<T>(ISharedView<T> view, bool fresh)
        where T : class?
    {
        var version = changes.Version;
        Lazy<Task<T>> read;
        lock (gate)
        {
            // A view's record type fixes T, so the read stored under an equal view is always a Lazy<Task<T>>.
            if (fresh || !views.TryGetValue(view, out var entry) || entry.Version < version || Failed((Lazy<Task<T>>)entry.Read))
            {
                MakeRoom(version);

                // Started outside the lock and on a pool thread: SQLite's reads complete synchronously, and the
                // screens waiting for this read must await it, not block pool threads inside Lazy.Value meanwhile.
                entry = (version, new Lazy<Task<T>>(() => Task.Run(() => ReadAsync(view))));
                views[view] = entry;
            }

            read = (Lazy<Task<T>>)entry.Read;
        }

        return read.Value;
    }

    // A read that failed (the database was briefly unreachable) is not kept: the next screen to ask tries again.
    private static bool Failed<T>(Lazy<Task<T>> read) => read.IsValueCreated && (read.Value.IsFaulted || read.Value.IsCanceled);

    private void MakeRoom(long version)
    {
        if (views.Count < MaxViews)
        {
            return;
        }

        foreach (var outdated in views.Where(v => v.Value.Version < version).Select(v => v.Key).ToList())
        {
            views.Remove(outdated);
        }

        if (views.Count >= MaxViews)
        {
            views.Clear();
        }
    }

    private async Task<T> ReadAsync<T>(ISharedView<T> view)
        where T : class?
    {
        // The context factory is scoped (it stamps the saver on audited writes); this read belongs to no one circuit.
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await view.ReadAsync(db, scope.ServiceProvider);
    }
}
