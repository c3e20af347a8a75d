using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Publicity;

public record OpenWindow(int Id, string Title, int OfficeId, string OfficeName, int CategoryId, string CategoryName,
    DateTime PublishedAtUtc, DateOnly From, DateOnly To, DateTime EndsAtUtc, bool Provisional, int Comments, int WorkdaysLeft)
{
    public string WindowText => Domain.Publicity.PublicityWindow.Format(From, To);
}

/// <summary>公示跟踪: the windows open now, closing soonest first.</summary>
public class PublicityQueries(IDbContextFactory<XiheDbContext> contexts, CalendarProvider calendars, ICommentCounts comments, TimeProvider clock)
{
    public async Task<IReadOnlyList<OpenWindow>> OpenWindowsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Staff, Roles.SupervisingLeader, Roles.DisclosureOfficer, Roles.LeadingGroup, Roles.OfficeHead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await (from n in db.Notices.AsNoTracking()
                          join o in db.Offices on n.OfficeId equals o.Id
                          join c in db.Categories on n.CategoryId equals c.Id
                          where n.State == NoticeState.InPublicity && n.PublicityFrom != null
                          orderby n.PublicityEndsAtUtc, n.Id
                          select new { n.Id, n.Title, n.OfficeId, Office = o.Name, n.CategoryId, Category = c.Name, n.PublishedAtUtc,
                              From = n.PublicityFrom!.Value, To = n.PublicityTo!.Value, Ends = n.PublicityEndsAtUtc!.Value, n.PublicityProvisional })
            .ToListAsync(ct);
        var counts = await comments.CountAsync(rows.Select(r => r.Id).ToList(), ct);
        var calendar = await calendars.GetAsync(ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        return rows.Select(r => new OpenWindow(r.Id, r.Title, r.OfficeId, r.Office, r.CategoryId, r.Category, r.PublishedAtUtc!.Value,
            r.From, r.To, r.Ends, r.PublicityProvisional, counts.GetValueOrDefault(r.Id),
            Math.Max(0, calendar.WorkdaysBetween(today, r.To)))).ToList();
    }
}
