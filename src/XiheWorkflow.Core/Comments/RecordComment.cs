using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Comments;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Comments;

/// <summary>登记意见: staff record a comment received by phone, letter, visit, mailbox or WeChat.</summary>
public class RecordComment(IDbContextFactory<XiheDbContext> contexts, TimeProvider clock)
{
    public record Command(int NoticeId, CommentSource Source, CommentKind Kind, string Content, string? Name, string? Contact,
        DateTime? ReceivedAtUtc = null);

    public async Task<int> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Staff, Roles.DisclosureOfficer);
        if (command.Source == CommentSource.Online) throw new DomainException("Comment.OnlineIsPublicForm");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var state = await db.Notices.Where(n => n.Id == command.NoticeId).Select(n => (NoticeState?)n.State).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("Notice.NotFound", command.NoticeId);
        if (!NoticeWorkflow.IsPublic(state)) throw new DomainException("Comment.NoticeNotPublic", CodeLabels.Label(state));
        var now = clock.GetUtcNow().UtcDateTime;
        var received = command.ReceivedAtUtc ?? now;
        if (received > now) throw new DomainException("Comment.ReceivedInFuture");

        var comment = Comment.Record(command.NoticeId, command.Source, command.Kind, command.Content, command.Name, command.Contact,
            received, actor.UserId, actor.Name);
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        // The audit names the comment, never the commenter: the log is read more widely than the register.
        db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "Comment.Recorded", "Comment", comment.Id.ToString(),
            toState: comment.Status.ToString(), details: $"notice {command.NoticeId}; {command.Source}; {command.Kind}"));
        await db.SaveChangesAsync(ct);
        return comment.Id;
    }
}

/// <summary>答复 / 已采纳 / 不予采纳.</summary>
public class RespondToComment(IDbContextFactory<XiheDbContext> contexts, TimeProvider clock)
{
    public record Command(int CommentId, int ExpectedVersion, CommentStatus Outcome, string Answer, int? AdoptedRevision = null);

    public async Task HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Staff, Roles.DisclosureOfficer);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == command.CommentId, ct)
            ?? throw new DomainException("Comment.NotFound", command.CommentId);
        if (comment.Version != command.ExpectedVersion) throw new DomainException("Comment.MovedOn");
        if (command.AdoptedRevision is { } revision
            && !await db.NoticeRevisions.AnyAsync(r => r.NoticeId == comment.NoticeId && r.Number == revision, ct))
            throw new DomainException("Comment.UnknownRevision", revision);
        var now = clock.GetUtcNow().UtcDateTime;
        var from = comment.Status;
        comment.Respond(command.Outcome, command.Answer, command.AdoptedRevision, actor.UserId ?? "", actor.Name, now);
        db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "Comment.Answered", "Comment", comment.Id.ToString(),
            from.ToString(), comment.Status.ToString(), command.AdoptedRevision, details: $"notice {comment.NoticeId}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Comment.MovedOn");
        }
    }
}
