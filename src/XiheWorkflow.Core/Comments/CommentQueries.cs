using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Comments;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Comments;

/// <summary>A comment as one person may see it: contact details only where their role allows.</summary>
public record CommentView(int Id, int Version, CommentSource Source, CommentKind Kind, string Content, string? Name, string? Contact,
    bool IdentityHidden, DateTime ReceivedAtUtc, string RecordedByName, CommentStatus Status, string? Answer, string? AnsweredByName,
    DateTime? AnsweredAtUtc, int? AdoptedRevision, DateOnly AnswerDue, int WorkdaysLeft);

public class CommentQueries(IDbContextFactory<XiheDbContext> contexts, CalendarProvider calendars, TimeProvider clock, IOptions<XiheOptions> options)
{
    public async Task<IReadOnlyList<CommentView>> ForNoticeAsync(int noticeId, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var comments = await db.Comments.AsNoTracking().Where(c => c.NoticeId == noticeId).OrderBy(c => c.ReceivedAtUtc).ToListAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        return comments.Select(c =>
        {
            // 举报: the reporter is known to the disclosure officer alone.
            var hidden = c.Kind == CommentKind.Report && !actor.IsIn(Roles.DisclosureOfficer);
            var due = calendar.AddWorkdays(ChinaTime.DateOf(c.ReceivedAtUtc), options.Value.CommentAnswerWorkdays);
            return new CommentView(c.Id, c.Version, c.Source, c.Kind, c.Content, hidden ? null : c.CommenterName,
                hidden ? null : c.CommenterContact, hidden, c.ReceivedAtUtc, c.RecordedByName, c.Status, c.Answer, c.AnsweredByName,
                c.AnsweredAtUtc, c.AdoptedRevision, due, calendar.WorkdaysBetween(today, due));
        }).ToList();
    }

    /// <summary>Objections still unanswered: a window closing with any of these closes 有异议.</summary>
    public async Task<int> OpenObjectionsAsync(int noticeId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Comments.CountAsync(c => c.NoticeId == noticeId && c.Kind == CommentKind.Objection && c.Status == CommentStatus.Pending, ct);
    }
}
