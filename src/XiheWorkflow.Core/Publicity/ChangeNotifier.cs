namespace XiheWorkflow.Core.Publicity;

/// <summary>
/// Tells open pages in this process that notices or reminders changed, so that the bell and the
/// tracker refresh when something happens instead of every circuit polling the database. Another
/// instance's changes need the database's notifications (PostgreSQL LISTEN/NOTIFY), later.
/// </summary>
public sealed class ChangeNotifier
{
    public event Action? Changed;

    public void Raise()
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
