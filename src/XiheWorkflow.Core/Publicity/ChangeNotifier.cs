namespace XiheWorkflow.Core.Publicity;

/// <summary>
/// Tells open pages in this process that notices or reminders changed, so that the bell and the
/// tracker refresh when something happens instead of every circuit polling the database. On
/// PostgreSQL, <see cref="Data.PostgresChangeRelay"/> carries each change to the other instances
/// (LISTEN/NOTIFY) and raises theirs here.
/// </summary>
public sealed class ChangeNotifier
{
    public event Action? Changed;

    /// <summary>Set by the relay: passes a change made here on to the other instances.</summary>
    internal Action? Broadcast { get; set; }

    /// <summary>Something changed in this process: pages here refresh, and other instances hear of it.</summary>
    public void Raise()
    {
        RaiseHere();
        Broadcast?.Invoke();
    }

    /// <summary>Pages in this process refresh (also for a change another instance announced).</summary>
    internal void RaiseHere()
    {
        // A page that throws while refreshing must not stop the sweep or the other pages.
        foreach (var handler in Changed?.GetInvocationList() ?? [])
        {
            try { ((Action)handler)(); }
            catch (Exception) { }
        }
    }
}

/// <summary>How many objections to a notice are still open when its window closes (Comments.CommentCounts).</summary>
public interface IOpenObjections
{
    Task<int> CountAsync(int noticeId, CancellationToken ct);
}

/// <summary>Comments per notice for the tracker's column (Comments.CommentCounts).</summary>
public interface ICommentCounts
{
    Task<IReadOnlyDictionary<int, int>> CountAsync(IReadOnlyCollection<int> noticeIds, CancellationToken ct);
}
