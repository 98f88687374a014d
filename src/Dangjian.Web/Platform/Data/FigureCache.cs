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
/// protection). Once figures are older than the period, the next request still gets them while one count starts in the
/// background, and the requests after it get the new figures: nobody waits for a recount that takes a second at the
/// province scale (the cockpit's p95 at 20 users was 1.3 s in a run where the minute ran out). Figures that depend on
/// rows (<see cref="GetAsync{T}(string, Func{IServiceProvider, CancellationToken, Task{T}}, IReadOnlyList{Type}, CancellationToken)"/>)
/// are forgotten as soon as such a row is saved — on the instance that saved it at once, on the others at their next poll
/// of the audit log (<see cref="InstanceSync"/>, seconds) — and then counted while the request waits.
/// What is cached is shared by every request that reads it, so it must never be changed after it is made.
/// </summary>
public sealed class FigureCache(HybridCache cache, IOptions<FigureCacheOptions> options, IServiceScopeFactory scopes, TimeProvider clock, ILogger<FigureCache> logger)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, byte> watched = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> recounting = new(StringComparer.Ordinal);

    /// <summary>Bumped whenever watched rows are saved: a background recount that began before does not store its figures.</summary>
    private long changes;

    /// <summary>
    /// The figures under <paramref name="key"/>, counted by <paramref name="compute"/> in a service scope of its own (so a
    /// count that other requests wait for does not depend on the request that started it).
    /// </summary>
    public async Task<T> GetAsync<T>(string key, Func<IServiceProvider, CancellationToken, Task<T>> compute, CancellationToken ct = default) =>
        await GetAsync(key, compute, [], ct);

    /// <summary>
    /// As above, and forgotten on this instance as soon as a row of one of <paramref name="dependsOn"/> is saved through
    /// <see cref="AppDbContext"/> (other instances forget it within seconds, see <see cref="InstanceSync"/>): for lists people edit and then look at.
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

        // Kept well past the period so that an old count can be served while the new one is made; its age decides.
        var period = TimeSpan.FromSeconds(seconds);
        var kept = period * 10;
        var entry = new HybridCacheEntryOptions { Expiration = kept, LocalCacheExpiration = kept, Flags = HybridCacheEntryFlags.DisableDistributedCache };
        var tags = dependsOn.Select(Tag).ToList();
        // HybridCache may start the count on a pool thread without the caller's execution context; it runs under the
        // caller's, so that what flows with a request (its culture, its SQL command tally) covers the count as well.
        var context = ExecutionContext.Capture();
        var box = await cache.GetOrCreateAsync(
            "figures:" + key,
            (compute, context, self: this, clock),
            static async (state, token) =>
            {
                var counted = state.clock.GetUtcNow();
                return new Box(await InContextAsync(state.context, () => state.self.ComputeAsync(state.compute, token)), counted);
            },
            entry,
            tags,
            cancellationToken: ct);
        if (clock.GetUtcNow() - box.CountedAt >= period && recounting.TryAdd(key, 0))
        {
            // Not under the request's execution context: the recount outlives the request and is not one of its queries.
            var (culture, uiCulture) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => RecountAsync(key, compute, entry, tags, culture, uiCulture), CancellationToken.None);
            }
        }

        return (T)box.Value!;
    }

    /// <summary>Rows of these entity types were saved: forget the figures that depend on them.</summary>
    public async Task ChangedAsync(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (var type in types.Where(watched.ContainsKey))
        {
            Interlocked.Increment(ref changes);
            await cache.RemoveByTagAsync(Tag(type));
        }
    }

    /// <summary>
    /// Rows of these entity types, named as the audit log names them, were saved on another instance (see
    /// <see cref="InstanceSync"/>): forget the figures that depend on them here too.
    /// </summary>
    public Task ChangedElsewhereAsync(IReadOnlySet<string> typeNames)
    {
        ArgumentNullException.ThrowIfNull(typeNames);
        return ChangedAsync(watched.Keys.Where(t => typeNames.Contains(t.Name)).ToList());
    }

    /// <summary>Whether any figures depend on rows of this type (so a save need not look further).</summary>
    public bool Watches(Type type) => !watched.IsEmpty && watched.ContainsKey(type);

    /// <summary>Whether a background recount is under way (tests wait for it).</summary>
    public bool Recounting => !recounting.IsEmpty;

    private static string Tag(Type type) => "rows:" + type.FullName;

    /// <summary>
    /// Counts <paramref name="key"/> again off the request that noticed its age, and stores the new figures unless they
    /// depend on rows and such rows were saved meanwhile (then the entry is gone, and the next request counts while it waits).
    /// </summary>
    private async Task RecountAsync<T>(string key, Func<IServiceProvider, CancellationToken, Task<T>> compute, HybridCacheEntryOptions entry, List<string> tags, System.Globalization.CultureInfo culture, System.Globalization.CultureInfo uiCulture)
    {
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
            System.Globalization.CultureInfo.CurrentUICulture = uiCulture;
            var before = Interlocked.Read(ref changes);
            var counted = clock.GetUtcNow();
            var value = await ComputeAsync(compute, CancellationToken.None);
            if (tags.Count == 0 || Interlocked.Read(ref changes) == before)
            {
                await cache.SetAsync("figures:" + key, new Box(value, counted), entry, tags);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The old figures stay and the next request past the period tries again.
            logger.LogWarning(e, "Recounting figures {Key} failed", key);
        }
        finally
        {
            recounting.TryRemove(key, out _);
        }
    }

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
    internal sealed record Box(object? Value, DateTimeOffset CountedAt);

    /// <summary>
    /// Figures never leave the process (there is no distributed cache), but HybridCache still serializes every value it
    /// keeps to learn its size. With its default JSON serializer that was a whole province's figures turned into JSON on
    /// every count and thrown away: pooled buffers of up to a megabyte, reflection metadata for every figure type, and an
    /// error logged when a cockpit was over the 1 MB payload limit. This serializer writes one byte instead; the size is
    /// only used against a memory cache size limit, which this application does not set.
    /// </summary>
    internal sealed class SizeOnlySerializer : IHybridCacheSerializer<Box>
    {
        public Box Deserialize(System.Buffers.ReadOnlySequence<byte> source) =>
            throw new NotSupportedException("Figures are kept in memory only; nothing is ever read back from bytes.");

        public void Serialize(Box value, System.Buffers.IBufferWriter<byte> target)
        {
            ArgumentNullException.ThrowIfNull(target);
            target.GetSpan(1)[0] = 1;
            target.Advance(1);
        }
    }
}
