using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Domain.Comments;

namespace XiheWorkflow.Core.Comments;

/// <summary>The comments register answering the publicity sweeper (有异议?) and 公示跟踪 (how many comments).</summary>
public sealed class CommentCounts(IDbContextFactory<XiheDbContext> contexts) : IOpenObjections, ICommentCounts
{
    async Task<int> IOpenObjections.CountAsync(int noticeId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Comments.CountAsync(c => c.NoticeId == noticeId && c.Kind == CommentKind.Objection && c.Status == CommentStatus.Pending, ct);
    }

    async Task<IReadOnlyDictionary<int, int>> ICommentCounts.CountAsync(IReadOnlyCollection<int> noticeIds, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var ids = noticeIds.ToList();
        return await db.Comments.Where(c => EF.Parameter(ids).Contains(c.NoticeId)).GroupBy(c => c.NoticeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
