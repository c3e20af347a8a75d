using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Comments;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Comments;

/// <summary>
/// 提交意见 from the public page or API: no sign-in, only while the notice's publicity window is
/// open. Stored as plain text; whoever shows it escapes it.
/// </summary>
public class SubmitPublicComment(IDbContextFactory<XiheDbContext> contexts, TimeProvider clock)
{
    public enum Outcome { Created, NotFound, NotInPublicity }

    public record Command(int NoticeId, string? Content, string? Name, string? Contact, CommentKind Kind = CommentKind.Suggestion);

    public record Result(Outcome Outcome, int? CommentId = null);

    /// <summary>Field errors keyed by the request's JSON names, in Chinese, for the form and the API alike.</summary>
    public static Dictionary<string, string[]> Validate(Command c)
    {
        var errors = new Dictionary<string, string[]>();
        var content = c.Content?.Trim() ?? "";
        if (content.Length == 0) errors["content"] = [Resources.Messages.Get("Comment.ContentRequired")];
        else if (content.Length > Comment.MaxContent) errors["content"] = [Resources.Messages.Get("Comment.ContentTooLong", Comment.MaxContent)];
        if (c.Name?.Trim().Length > 50) errors["name"] = [Resources.Messages.Get("Comment.NameTooLong", 50)];
        if (c.Contact?.Trim().Length > 100) errors["contact"] = [Resources.Messages.Get("Comment.ContactTooLong", 100)];
        if (c.Kind is not (CommentKind.Suggestion or CommentKind.Objection or CommentKind.Inquiry or CommentKind.Report))
            errors["kind"] = [Resources.Messages.Get("Comment.KindUnknown")];
        return errors;
    }

    public async Task<Result> HandleAsync(Command command, CancellationToken ct = default)
    {
        if (Validate(command).Count > 0) throw new DomainException("Comment.ContentRequired");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var state = await db.Notices.Where(n => n.Id == command.NoticeId).Select(n => (NoticeState?)n.State).SingleOrDefaultAsync(ct);
        // A notice that never reached the public does not exist for the public.
        if (state is null || !NoticeWorkflow.IsPublic(state.Value) && state != NoticeState.Withdrawn && state != NoticeState.Expired)
            return new Result(Outcome.NotFound);
        if (state != NoticeState.InPublicity) return new Result(Outcome.NotInPublicity);

        var now = clock.GetUtcNow().UtcDateTime;
        var comment = Comment.Record(command.NoticeId, CommentSource.Online, command.Kind, command.Content!, command.Name, command.Contact,
            now, null, "网上");
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(new AuditEntry(now, null, "public", "Comment.Received", "Comment", comment.Id.ToString(),
            toState: comment.Status.ToString(), details: $"notice {command.NoticeId}; Online; {command.Kind}"));
        await db.SaveChangesAsync(ct);
        return new Result(Outcome.Created, comment.Id);
    }
}
