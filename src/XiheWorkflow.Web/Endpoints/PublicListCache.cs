using Microsoft.Extensions.Caching.Memory;
using XiheWorkflow.Core.Publicity;

namespace XiheWorkflow.Web.Endpoints;

/// <summary>
/// The public list changes only when something about a notice changes (publication, a window
/// closing, a correction, a withdrawal), so its JSON is served from memory. Every save that touches
/// a notice raises <see cref="ChangeNotifier"/>, which starts a new generation; entries of older
/// generations are never served again and age out. A short lifetime covers what this process does
/// not see (a rename of an office, a sweep run from the command line).
/// </summary>
public sealed class PublicListCache : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private readonly ChangeNotifier _notifier;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 500 });
    private long _generation;

    public PublicListCache(ChangeNotifier notifier)
    {
        _notifier = notifier;
        _notifier.Changed += Invalidate;
    }

    public sealed record Entry(byte[] Json, int Total);

    public async Task<Entry> GetAsync(string key, Func<Task<Entry>> build)
    {
        // Read the generation before querying: a change during the query leaves this entry under
        // the old generation, where nobody asks for it.
        var fullKey = (Interlocked.Read(ref _generation), key);
        if (_cache.TryGetValue(fullKey, out Entry? hit) && hit is not null) return hit;
        var entry = await build();
        _cache.Set(fullKey, entry, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return entry;
    }

    private void Invalidate() => Interlocked.Increment(ref _generation);

    public void Dispose()
    {
        _notifier.Changed -= Invalidate;
        _cache.Dispose();
    }
}
