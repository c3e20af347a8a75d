using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Channels;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Reporting;
using XiheWorkflow.Core.Resources;
using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Comments;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Jobs;

/// <summary>A reminder the sweep makes at most once a day for each person it names.</summary>
public sealed record Reminder(NotificationKind Kind, int SubjectId, string Text, List<(string UserId, string? Role)> Recipients);

/// <summary>
/// The reminders beyond publicity windows: applications due within 3 working days or overdue
/// (Art. 33) or past their supplement deadline (补正期限), comments past their answer date, approved channels not posted within one working
/// day, and from 1 January the annual report until its due date.
/// </summary>
public class WorkReminders(PostingQueries postings, AnnualReportDeadline reportDeadline, IOptions<XiheOptions> options)
{
    public async Task<List<Reminder>> CollectAsync(XiheDbContext db, IReadOnlyList<string> officers, DateOnly today, WorkingCalendar calendar,
        CancellationToken ct)
    {
        var toOfficers = officers.Select(o => (o, (string?)Roles.DisclosureOfficer)).ToList();
        var wanted = new List<Reminder>();

        foreach (var a in await db.Applications.AsNoTracking().Where(a => a.Outcome == null).ToListAsync(ct))
        {
            var deadline = ApplicationClock.Compute(a.ClockEvents(), today, calendar);
            // Once a day while it stays open: nothing closes it but the officer's 逾期不补正 reply.
            if (deadline is { SupplementMissed: true, SupplementDueOn: { } supplementDue })
                wanted.Add(new(NotificationKind.SupplementOverdue, a.Id, Messages.Get("Reminder.SupplementOverdue", a.Reference, ChinaTime.ChineseDate(supplementDue)), toOfficers));
            if (deadline.DueDate is not { } due) continue;
            if (deadline.IsOverdue)
                wanted.Add(new(NotificationKind.ApplicationOverdue, a.Id, Messages.Get("Reminder.ApplicationOverdue", a.Reference, ChinaTime.ChineseDate(due)), toOfficers));
            else if (deadline.WorkingDaysLeft <= 3)
                wanted.Add(new(NotificationKind.ApplicationDueSoon, a.Id,
                    Messages.Get("Reminder.ApplicationDueSoon", a.Reference, ChinaTime.ChineseDate(due), deadline.WorkingDaysLeft ?? 0), toOfficers));
        }

        var pending = await (from c in db.Comments.AsNoTracking()
                             join n in db.Notices on c.NoticeId equals n.Id
                             where c.Status == CommentStatus.Pending
                             select new { c.NoticeId, n.Title, n.AuthorId, c.ReceivedAtUtc }).ToListAsync(ct);
        foreach (var late in pending.Where(c => calendar.AddWorkdays(ChinaTime.DateOf(c.ReceivedAtUtc), options.Value.CommentAnswerWorkdays) < today)
                     .GroupBy(c => c.NoticeId))
        {
            var first = late.First();
            wanted.Add(new(NotificationKind.CommentOverdue, late.Key, Messages.Get("Reminder.CommentOverdue", first.Title, late.Count()),
                [(first.AuthorId, null), .. toOfficers]));
        }

        foreach (var p in await postings.OverdueAsync(ct))
        {
            var channels = string.Join("、", p.Missing.Select(c => CodeLabels.Label(c)));
            wanted.Add(new(NotificationKind.ChannelNotPosted, p.NoticeId, Messages.Get("Reminder.ChannelNotPosted", p.Title, channels), toOfficers));
        }

        var report = reportDeadline.Current();
        if (report.IsDueNow)
            wanted.Add(new(NotificationKind.AnnualReportDue, report.Year, Messages.Get("Reminder.AnnualReportDue", report.Year, ChinaTime.ChineseDate(report.DueOn)), toOfficers));
        return wanted;
    }
}
