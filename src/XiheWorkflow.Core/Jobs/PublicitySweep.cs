using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Publicity;
using XiheWorkflow.Core.Resources;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Core.Jobs;

/// <summary>
/// One pass over the timers kept in the database: publish scheduled notices that are due, close
/// windows that have ended, make the day's reminders. Every step is idempotent, so a pass may run
/// twice at once, or late after downtime, and still each transition and reminder happens once.
/// With several web instances on one PostgreSQL database, a pass first takes the sweep lock: while
/// one instance sweeps, the others skip their pass instead of racing it.
/// </summary>
public class PublicitySweep(
    IDbContextFactory<XiheDbContext> contexts, DecideNotice decide, CalendarProvider calendars, IOpenObjections objections,
    ChangeNotifier notifier, TimeProvider clock, IOptions<XiheOptions> options, ILogger<PublicitySweep> logger, WorkReminders work)
{
    public record Result(int Published, int Closed, int Reminders);

    public async Task<Result> RunAsync(CancellationToken ct = default)
    {
        await using var lease = await DatabaseLocks.TryAcquireAsync(contexts, DatabaseLocks.Sweep, ct);
        if (lease is null)
        {
            logger.LogDebug("Another instance is sweeping; this pass is skipped");
            return new Result(0, 0, 0);
        }
        return await SweepAsync(ct);
    }

    /// <summary>The pass itself, without the lock (tests run two at once to show it stays exactly-once even so).</summary>
    internal async Task<Result> SweepAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(int Id, int Version)> due, ended;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            due = (await db.Notices.AsNoTracking()
                .Where(n => n.State == NoticeState.Approved && n.ScheduledAtUtc != null && n.ScheduledAtUtc <= now)
                .Select(n => new { n.Id, n.Version }).ToListAsync(ct)).Select(n => (n.Id, n.Version)).ToList();
            ended = (await db.Notices.AsNoTracking()
                .Where(n => n.State == NoticeState.InPublicity && n.PublicityEndsAtUtc != null && n.PublicityEndsAtUtc <= now)
                .Select(n => new { n.Id, n.Version }).ToListAsync(ct)).Select(n => (n.Id, n.Version)).ToList();
        }

        var published = 0;
        foreach (var (id, version) in due)
        {
            if (await TryAsync(new DecideNotice.Command(id, version, NoticeAction.Publish), ct)) published++;
        }
        var closed = 0;
        foreach (var (id, version) in ended)
        {
            var open = await objections.CountAsync(id, ct);
            if (await TryAsync(new DecideNotice.Command(id, version, NoticeAction.CloseWindow, OpenObjections: open), ct)) closed++;
        }
        var reminders = await RemindAsync(ct);
        if (published + closed + reminders > 0) notifier.Raise();
        return new Result(published, closed, reminders);
    }

    /// <summary>Acts with the version read above: when another sweep (or a person) got there first, that is done, not an error.</summary>
    private async Task<bool> TryAsync(DecideNotice.Command command, CancellationToken ct)
    {
        try
        {
            await decide.HandleAsync(command, Actor.Scheduler, ct);
            return true;
        }
        catch (DomainException e) when (e.Code is "Workflow.MovedOn" or "Workflow.NotAllowedInState")
        {
            return false;
        }
        catch (DomainException e)
        {
            // A notice the scheduler cannot move (e.g. its category lost its rule) waits for a person.
            logger.LogWarning("Sweep could not {Action} notice {Id}: {Code}", command.Action, command.NoticeId, e.Code);
            return false;
        }
    }

    private async Task<int> RemindAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.DateOf(now);
        var calendar = await calendars.GetAsync(ct);
        var wanted = new List<Reminder>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var officers = await UsersInRoleAsync(db, Roles.DisclosureOfficer, ct);

            var closingBy = calendar.AddWorkdays(today, 1);
            var closing = await db.Notices.AsNoTracking()
                .Where(n => n.State == NoticeState.InPublicity && n.PublicityTo != null && n.PublicityTo <= closingBy)
                .Select(n => new { n.Id, n.Title, n.AuthorId, To = n.PublicityTo!.Value }).ToListAsync(ct);
            foreach (var n in closing)
            {
                var text = Messages.Get("Reminder.WindowClosing", n.Title, ChinaTime.ChineseDate(n.To));
                wanted.Add(new(NotificationKind.WindowClosing, n.Id, text, [(n.AuthorId, null), .. officers.Select(o => (o, (string?)Roles.DisclosureOfficer))]));
            }

            var reviewDays = options.Value.ReviewLimitWorkdays;
            var inReview = await db.Notices.AsNoTracking().Where(n => n.State == NoticeState.InReview && n.WaitingSinceUtc != null)
                .Select(n => new { n.Id, n.Title, n.OfficeId, n.Stages, n.StageIndex, n.WaitingSinceUtc }).ToListAsync(ct);
            foreach (var n in inReview)
            {
                var waited = calendar.WorkdaysBetween(ChinaTime.DateOf(n.WaitingSinceUtc!.Value), today);
                if (waited <= reviewDays || n.StageIndex >= n.Stages.Count) continue;
                var stage = n.Stages[n.StageIndex];
                var holders = await UsersInRoleAsync(db, stage.Role, ct);
                if (stage.ScopedToSupervisors)
                {
                    var supervisors = await db.Users.Where(u => u.SupervisedOffices.Any(o => o.Id == n.OfficeId)).Select(u => u.Id).ToListAsync(ct);
                    holders = holders.Intersect(supervisors).ToList();
                }
                var text = Messages.Get("Reminder.ReviewWaiting", n.Title, Roles.Label(stage.Role), waited);
                wanted.Add(new(NotificationKind.ReviewWaiting, n.Id, text, holders.Select(h => (h, (string?)stage.Role)).ToList()));
            }

            var unpublished = await (from n in db.Notices.AsNoTracking()
                                     join c in db.Categories on n.CategoryId equals c.Id
                                     where n.FormedOn != null && (n.State == NoticeState.Draft || n.State == NoticeState.Returned
                                         || n.State == NoticeState.InReview || n.State == NoticeState.Approved)
                                     select new { n.Id, n.Title, n.AuthorId, FormedOn = n.FormedOn!.Value, c.TimelinessLimitDays }).ToListAsync(ct);
            foreach (var n in unpublished.Where(n => Timeliness.IsLate(n.FormedOn, n.TimelinessLimitDays, null, today, calendar)))
            {
                var deadline = Timeliness.Deadline(n.FormedOn, n.TimelinessLimitDays, calendar);
                var text = Messages.Get("Reminder.Timeliness", n.Title, ChinaTime.ChineseDate(n.FormedOn), n.TimelinessLimitDays, ChinaTime.ChineseDate(deadline));
                wanted.Add(new(NotificationKind.Timeliness, n.Id, text, [(n.AuthorId, null), .. officers.Select(o => (o, (string?)Roles.DisclosureOfficer))]));
            }

            wanted.AddRange(await work.CollectAsync(db, officers, today, calendar, ct));
        }

        var webhook = await WebhookUrlAsync(ct);
        var made = 0;
        foreach (var r in wanted)
        {
            var madeHere = 0;
            foreach (var (user, role) in r.Recipients.DistinctBy(x => x.UserId).Where(x => x.UserId.Length > 0))
            {
                if (await InsertOnceAsync(db => db.Notifications.Add(new Notification(user, role, r.Kind, r.SubjectId, r.Text, today, now)),
                        db => db.Notifications.AnyAsync(x => x.Kind == r.Kind && x.NoticeId == r.SubjectId && x.RecipientUserId == user && x.Day == today, ct), ct))
                    madeHere++;
            }
            made += madeHere;
            var key = $"{r.Kind}:{r.SubjectId}:{today:yyyy-MM-dd}";
            if (webhook is not null && madeHere > 0)
            {
                await InsertOnceAsync(db => db.WebhookMessages.Add(new WebhookMessage(key, r.Text, now)),
                    db => db.WebhookMessages.AnyAsync(x => x.DedupKey == key, ct), ct);
            }
        }
        return made;
    }

    /// <summary>
    /// Adds a row unless it is there; the unique index settles a race with another sweep, whose
    /// row then counts as this one.
    /// </summary>
    private async Task<bool> InsertOnceAsync(Action<XiheDbContext> add, Func<XiheDbContext, Task<bool>> exists, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await exists(db)) return false;
        add(db);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsConstraintViolation(e))
        {
            return false;
        }
    }

    private static Task<List<string>> UsersInRoleAsync(XiheDbContext db, string role, CancellationToken ct) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == role
         select ur.UserId).ToListAsync(ct);

    private async Task<string?> WebhookUrlAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var url = await db.AppSettings.AsNoTracking().Where(s => s.Key == AppSetting.WebhookUrl).Select(s => s.Value).SingleOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(url) ? null : url;
    }
}
