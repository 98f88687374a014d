using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Data;

public sealed class FigureCacheOptions
{
    public const string Section = "Figures";

    /// <summary>
    /// How long dashboard figures (活动看板, 驾驶舱, the home page's organization overview) may be reused before they are
    /// counted again. 0 counts on every request.
    /// </summary>
    public int CacheSeconds { get; set; } = 60;
}

/// <summary>
/// Figures that may be a minute old: the dashboards add up whole campaigns (at the province scale, millions of attendance
/// rows), so each instance counts them once per key and period and serves the result from memory meanwhile. Concurrent
/// requests for the same key wait for the one count in progress instead of starting their own (HybridCache's stampede
/// protection). What is cached is shared by every request that reads it, so it must never be changed after it is made.
/// </summary>
public sealed class FigureCache(HybridCache cache, IOptions<FigureCacheOptions> options, IServiceScopeFactory scopes)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, byte> watched = new();

    /// <summary>
    /// The figures under <paramref name="key"/>, counted by <paramref name="compute"/> in a service scope of its own (so a
    /// count that other requests wait for does not depend on the request that started it).
    /// </summary>
    public async Task<T> GetAsync<T>(string key, Func<IServiceProvider, CancellationToken, Task<T>> compute, CancellationToken ct = default) =>
        await GetAsync(key, compute, [], ct);

    /// <summary>
    /// As above, and forgotten on this instance as soon as a row of one of <paramref name="dependsOn"/> is saved through
    /// <see cref="AppDbContext"/> (other instances count again within the minute): for lists people edit and then look at.
    /// </summary>
    public async Task<T> GetAsync<T>(string key, Func<IServiceProvider, CancellationToken, Task<T>> compute, IReadOnlyList<Type> dependsOn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dependsOn);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        var seconds = options.Value.CacheSeconds;
        if (seconds <= 0)
        {
            return await ComputeAsync(compute, ct);
        }

        foreach (var type in dependsOn)
        {
            watched.TryAdd(type, 0);
        }

        var lifetime = TimeSpan.FromSeconds(seconds);
        var entry = new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime, Flags = HybridCacheEntryFlags.DisableDistributedCache };
        // HybridCache may start the count on a pool thread without the caller's execution context; it runs under the
        // caller's, so that what flows with a request (its culture, its SQL command tally) covers the count as well.
        var context = ExecutionContext.Capture();
        var box = await cache.GetOrCreateAsync(
            "figures:" + key,
            (compute, context, self: this),
            static async (state, token) => new Box(await InContextAsync(state.context, () => state.self.ComputeAsync(state.compute, token))),
            entry,
            dependsOn.Select(Tag).ToList(),
            cancellationToken: ct);
        return (T)box.Value!;
    }

    /// <summary>Rows of these entity types were saved: forget the figures that depend on them.</summary>
    public async Task ChangedAsync(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (var type in types.Where(watched.ContainsKey))
        {
            await cache.RemoveByTagAsync(Tag(type));
        }
    }

    /// <summary>Whether any figures depend on rows of this type (so a save need not look further).</summary>
    public bool Watches(Type type) => !watched.IsEmpty && watched.ContainsKey(type);

    private static string Tag(Type type) => "rows:" + type.FullName;

    private static Task<T> InContextAsync<T>(ExecutionContext? context, Func<Task<T>> start)
    {
        if (context is null)
        {
            return start();
        }

        Task<T>? task = null;
        ExecutionContext.Run(context, _ => task = start(), null);
        return task!;
    }

    private async Task<T> ComputeAsync<T>(Func<IServiceProvider, CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await compute(scope.ServiceProvider, ct);
    }

    /// <summary>What is kept, whatever its type: marked immutable so that HybridCache keeps the object itself, not a serialized copy.</summary>
    [System.ComponentModel.ImmutableObject(true)]
    private sealed record Box(object? Value);
}
