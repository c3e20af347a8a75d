using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Reporting;
using XiheWorkflow.Core.Requests;
using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Comments;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Dashboard;

/// <summary>统计看板's filters. The period is a month range of <see cref="Year"/>; office, category and channel narrow every figure they apply to.</summary>
public sealed record DashboardFilter(int Year, int FromMonth = 1, int ToMonth = 12, int? OfficeId = null, int? CategoryId = null, Channel? Channel = null)
{
    public DashboardFilter Normalized() => this with
    {
        FromMonth = Math.Clamp(FromMonth, 1, 12),
        ToMonth = Math.Clamp(Math.Max(ToMonth, FromMonth), 1, 12),
    };

    public DateOnly FirstDay => new(Year, FromMonth, 1);
    public DateOnly LastDay => new DateOnly(Year, ToMonth, 1).AddMonths(1).AddDays(-1);
    public DateTime FromUtc => ChinaTime.StartOfDayUtc(FirstDay);
    public DateTime ToUtc => ChinaTime.EndOfDayUtc(LastDay);
}

public sealed record StateFigure(NoticeState State, string? StageRole, int Count, int OldestWaitingWorkdays);

public sealed record CountBy<T>(T Key, int Count);

public sealed record NowFigures(
    IReadOnlyList<StateFigure> States, IReadOnlyList<CountBy<string>> ReviewsOverLimit, int ReviewLimitWorkdays,
    int OpenObjections, int OverdueObjections, int? ApplicationsDueSoon, int? ApplicationsOverdue,
    int LateUnpublished, ReportDue Report, bool ReportTextSaved, int WindowsClosingToday = 0, int WindowsClosingSoon = 0,
    int ReviewDue = 0, int ReviewDueSoon = 0);

public sealed record MonthChannelCount(int Month, Channel Channel, int Count);

public sealed record NamedCount(int Id, string Name, int Count);

public sealed record MissingInterpretation(int Id, string Title, string OfficeName, bool IsHistorical);

public sealed record TargetFigures(int PolicyDocuments, int Covered, IReadOnlyList<MissingInterpretation> Missing, int Interpretations, int VideoOrAnimation)
{
    public const double VideoShareTarget = 0.2;
    public double CoverageRate => PolicyDocuments == 0 ? 1 : (double)Covered / PolicyDocuments;
    public double VideoShare => Interpretations == 0 ? 0 : (double)VideoOrAnimation / Interpretations;
}

public sealed record YearFigures(
    int Published, IReadOnlyList<CountBy<int>> ByMonth, IReadOnlyList<MonthChannelCount> ByMonthAndChannel, IReadOnlyList<NamedCount> ByOffice, IReadOnlyList<NamedCount> ByCategory,
    IReadOnlyList<CountBy<ContentForm>> WeChatByForm, IReadOnlyList<CountBy<ContentOrigin>> WeChatByOrigin, int LatePublished,
    TargetFigures Targets, int CommentsReceived, int CommentsAnsweredInTime, int CommentsAnsweredLate, int CommentsOpen,
    int? ApplicationsReceived, IReadOnlyList<CountBy<ApplicationOutcome>>? ApplicationsByOutcome);

/// <param name="AverageReviewWorkdays">Submit → approved, over the review rounds approved in the period; null when none.</param>
/// <param name="OnTime">Rounds approved within the review limit for each of their stages.</param>
public sealed record OfficeFigures(int OfficeId, string OfficeName, int Submissions, int Returns, int Reviewed, double? AverageReviewWorkdays, int OnTime)
{
    public double? OnTimeRate => Reviewed == 0 ? null : (double)OnTime / Reviewed;
}

public sealed record DashboardView(DashboardFilter Filter, bool AllOffices, bool SeesApplications, IReadOnlyList<OfficeOption> Offices,
    NowFigures Now, YearFigures Year, IReadOnlyList<OfficeFigures> ByOffice);

public enum DrillKind { Notice, HistoricalNotice, Comment, Application }

/// <summary>One line of the list behind a number; <see cref="Contact"/> and <see cref="Person"/> are already masked.</summary>
public sealed record DrillRow(DrillKind Kind, int Id, string Title, string? OfficeName, string? CategoryName, string Status, DateOnly? Date,
    string? Detail, string? Person, string? Contact);

/// <summary>
/// 统计看板: what is stuck where now, the year's figures against the township's targets, and each
/// office's review figures — scoped to the offices the person may see, and every figure paired
/// with the list behind it (<see cref="ListAsync"/>) so that a number and its list never disagree
/// in meaning. Reads open work and the chosen period only, through covering indexes, never the
/// whole archive.
/// </summary>
public class DashboardQueries(IDbContextFactory<XiheDbContext> contexts, CalendarProvider calendars, TimeProvider clock,
    IOptions<XiheOptions> options, AnnualReportDeadline reportDeadline)
{
    /// <summary>States of work not yet done; closed states are counted per period in "the year".</summary>
    public static readonly NoticeState[] OpenStates =
        [NoticeState.InReview, NoticeState.Approved, NoticeState.Returned, NoticeState.InPublicity, NoticeState.PublicityEnded];

    private static readonly NoticeState[] Unpublished = [NoticeState.InReview, NoticeState.Approved, NoticeState.Returned];

    private static readonly NoticeKind[] PolicyKinds = [NoticeKind.NormativeDocument, NoticeKind.Policy];

    public sealed record Scope(IReadOnlySet<int>? OfficeIds, bool SeesApplications)
    {
        public bool AllOffices => OfficeIds is null;
    }

    public async Task<Scope> ScopeAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ScopeAsync(db, actor, ct);
    }

    private static async Task<Scope> ScopeAsync(XiheDbContext db, Actor actor, CancellationToken ct)
    {
        actor.Require(Roles.Staff, Roles.SupervisingLeader, Roles.DisclosureOfficer, Roles.LeadingGroup, Roles.OfficeHead);
        if (actor.IsIn(Roles.OfficeHead) || actor.IsIn(Roles.LeadingGroup) || actor.IsIn(Roles.DisclosureOfficer)) return new Scope(null, true);
        var offices = new HashSet<int>();
        if (actor.IsIn(Roles.SupervisingLeader)) offices.UnionWith((await NoticeActors.LoadAsync(db, actor, ct)).SupervisedOfficeIds);
        if (actor.IsIn(Roles.Staff) && actor.OfficeId is { } own) offices.Add(own);
        return new Scope(offices, false);
    }

    public async Task<DashboardView> OverviewAsync(DashboardFilter filter, Actor actor, CancellationToken ct = default)
    {
        filter = filter.Normalized();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, actor, ct);
        var calendar = await calendars.GetAsync(ct);
        var today = clock.Today();
        // The queries below are synchronous on purpose: Microsoft.Data.Sqlite runs the async ADO.NET
        // methods synchronously anyway (no async I/O in SQLite), only with more overhead per row.
        var offices = db.Offices.AsNoTracking().OrderBy(o => o.SortOrder).Select(o => new { o.Id, o.Name, o.IsActive }).ToList();
        var visibleOffices = offices.Where(o => scope.OfficeIds?.Contains(o.Id) ?? true).Select(o => new OfficeOption(o.Id, o.Name)).ToList();
        var officeNames = offices.ToDictionary(o => o.Id, o => o.Name);
        var categoryNames = db.Categories.AsNoTracking().Select(c => new { c.Id, c.Name }).ToDictionary(c => c.Id, c => c.Name);

        var now = Now(db, scope, filter, calendar, today);
        var year = Year(db, scope, filter, calendar, today, officeNames, categoryNames);
        var byOffice = ByOffice(db, scope, filter, calendar, officeNames);
        return new DashboardView(filter, scope.AllOffices, scope.SeesApplications, visibleOffices, now, year, byOffice);
    }

    private IQueryable<Notice> Notices(XiheDbContext db, Scope scope, DashboardFilter filter)
    {
        var q = db.Notices.AsNoTracking().Where(n => n.State != NoticeState.Draft);
        if (scope.OfficeIds is { } ids) q = q.Where(n => ids.Contains(n.OfficeId));
        if (filter.OfficeId is { } office) q = q.Where(n => n.OfficeId == office);
        if (filter.CategoryId is { } category) q = q.Where(n => n.CategoryId == category);
        return q;
    }

    private IQueryable<HistoricalNotice> Historical(XiheDbContext db, Scope scope, DashboardFilter filter)
    {
        var q = db.HistoricalNotices.AsNoTracking();
        if (scope.OfficeIds is { } ids) q = q.Where(n => ids.Contains(n.OfficeId));
        if (filter.OfficeId is { } office) q = q.Where(n => n.OfficeId == office);
        if (filter.CategoryId is { } category) q = q.Where(n => n.CategoryId == category);
        return q;
    }

    /// <summary>The channel filter, in SQL: only notices whose channels name it.</summary>
    private static IQueryable<Notice> OnChannel(IQueryable<Notice> q, DashboardFilter filter)
    {
        if (filter.Channel is not { } channel) return q;
        var code = channel.ToString();
        return q.Where(n => SqlFunctions.HasChannel(n.Channels, code));
    }

    private static IQueryable<HistoricalNotice> OnChannel(IQueryable<HistoricalNotice> q, DashboardFilter filter)
    {
        if (filter.Channel is not { } channel) return q;
        var code = channel.ToString();
        return q.Where(n => SqlFunctions.HasChannel(n.Channels, code));
    }

    private sealed record OpenRow(int Id, string Title, int OfficeId, int CategoryId, NoticeState State, List<WorkflowStage> Stages, int StageIndex,
        DateTime? WaitingSinceUtc, DateOnly? FormedOn)
    {
        public string? StageRole => State == NoticeState.InReview && StageIndex < Stages.Count ? Stages[StageIndex].Role : null;
    }

    private List<(OpenRow Row, int Waiting)> Open(XiheDbContext db, Scope scope, DashboardFilter filter, WorkingCalendar calendar, DateOnly today)
    {
        var rows = OnChannel(Notices(db, scope, filter), filter).Where(n => OpenStates.Contains(n.State))
            .Select(n => new OpenRow(n.Id, n.Title, n.OfficeId, n.CategoryId, n.State, n.Stages, n.StageIndex, n.WaitingSinceUtc, n.FormedOn))
            .ToList();
        return rows.Select(r => (r, r.WaitingSinceUtc is { } since ? Math.Max(0, calendar.WorkdaysBetween(ChinaTime.DateOf(since), today)) : 0))
            .ToList();
    }

    /// <summary>Art. 26 as the notice page and the reminders judge it: the category's own limit, the domain's rule.</summary>
    private static bool IsLateUnpublished(OpenRow r, TimelinessLimits limits, WorkingCalendar calendar, DateOnly today) =>
        Unpublished.Contains(r.State) && r.FormedOn is { } formed && Timeliness.IsLate(formed, limits.Of(r.CategoryId), null, today, calendar);

    /// <summary>Each category's timeliness limit (working days), and the categories sharing each distinct one.</summary>
    private sealed class TimelinessLimits(Dictionary<int, int> byCategory)
    {
        public int Of(int categoryId) => byCategory.GetValueOrDefault(categoryId, Timeliness.DefaultLimitDays);

        /// <summary>
        /// One entry per distinct limit with the categories that have it — null categories when every
        /// category shares it (the usual case), so that the query needs no category condition.
        /// </summary>
        public IEnumerable<(int Limit, List<int>? Categories)> Groups() =>
            byCategory.Values.Distinct().Count() <= 1
                ? [(byCategory.Count == 0 ? Timeliness.DefaultLimitDays : byCategory.Values.First(), null)]
                : byCategory.GroupBy(c => c.Value).OrderBy(g => g.Key).Select(g => (g.Key, (List<int>?)g.Select(c => c.Key).ToList()));

        public static TimelinessLimits Load(XiheDbContext db) =>
            new(db.Categories.AsNoTracking().Select(c => new { c.Id, c.TimelinessLimitDays }).ToDictionary(c => c.Id, c => c.TimelinessLimitDays));
    }

    /// <summary>
    /// The last "formed on" day from which information published on <paramref name="day"/> (or still
    /// unpublished then) is late under a limit of <paramref name="limitDays"/> working days:
    /// <see cref="Timeliness.Deadline"/> before <paramref name="day"/> means at least that many working
    /// days in (formed, day − 1]. Lets SQL ask "formed on or before" against an index.
    /// </summary>
    internal static DateOnly LastDayFormedLate(WorkingCalendar calendar, DateOnly day, int limitDays) =>
        LastDayMoreThan(calendar, day.AddDays(-1), limitDays - 1);

    /// <summary>
    /// The last day <c>d</c> with <c>calendar.WorkdaysBetween(d, today) &gt; workdays</c>. The count only
    /// grows as <c>d</c> moves back, so "more than N working days ago" is "on or before this day" and can
    /// be asked in SQL against an index instead of per row in memory.
    /// </summary>
    internal static DateOnly LastDayMoreThan(WorkingCalendar calendar, DateOnly today, int workdays)
    {
        var day = today;
        while (calendar.WorkdaysBetween(day, today) <= workdays) day = day.AddDays(-1);
        return day;
    }

    /// <summary>Open work grouped in SQL: a handful of groups, however many notices are open.</summary>
    private sealed record OpenGroup(NoticeState State, int StageIndex, List<WorkflowStage> Stages, int Count,
        DateTime? OldestWaitingUtc, int WaitingOverLimit)
    {
        public string? StageRole => State == NoticeState.InReview && StageIndex < Stages.Count ? Stages[StageIndex].Role : null;
    }

    private List<OpenGroup> OpenGroups(XiheDbContext db, Scope scope, DashboardFilter filter, WorkingCalendar calendar, DateOnly today)
    {
        // The same test as the rows' (Waiting > limit), turned into "before this instant".
        var overLimitBefore = ChinaTime.StartOfDayUtc(LastDayMoreThan(calendar, today, options.Value.ReviewLimitWorkdays).AddDays(1));
        // OpenStates stays an inline IN list: the partial index IX_Notices_Open is defined with the same one.
        return OnChannel(Notices(db, scope, filter), filter).Where(n => OpenStates.Contains(n.State))
            .GroupBy(n => new { n.State, n.StageIndex, n.Stages })
            .Select(g => new OpenGroup(g.Key.State, g.Key.StageIndex, g.Key.Stages, g.Count(), g.Min(n => n.WaitingSinceUtc),
                g.Count(n => n.WaitingSinceUtc < overLimitBefore)))
            .ToList();
    }

    /// <summary>Unpublished work past its category's timeliness limit (the rows' IsLateUnpublished), counted in SQL per distinct limit.</summary>
    private int LateUnpublishedCount(XiheDbContext db, Scope scope, DashboardFilter filter, TimelinessLimits limits, WorkingCalendar calendar, DateOnly today)
    {
        var count = 0;
        foreach (var (limit, categories) in limits.Groups())
        {
            var formedBy = LastDayFormedLate(calendar, today, limit);
            // Exactly the condition of the partial covering index IX_Notices_Open (SQLite uses a partial index
            // only when the query repeats it, and EF would merge a second IN list into it), the unpublished
            // states picked from the few groups: open work costs what it is, however large the archive.
            var q = OnChannel(Notices(db, scope, filter), filter).Where(n => OpenStates.Contains(n.State) && n.FormedOn <= formedBy);
            if (categories is not null) q = q.Where(n => categories.Contains(n.CategoryId));
            count += q.GroupBy(n => n.State).Select(g => new { State = g.Key, Count = g.Count() }).AsEnumerable()
                .Where(g => Unpublished.Contains(g.State)).Sum(g => g.Count);
        }
        return count;
    }

    // Member-initialised (not positional) so that EF can still filter and project it after the join.
    private sealed class CommentRow
    {
        public int Id { get; init; }
        public int NoticeId { get; init; }
        public string NoticeTitle { get; init; } = "";
        public int OfficeId { get; init; }
        public int CategoryId { get; init; }
        public CommentKind Kind { get; init; }
        public CommentSource Source { get; init; }
        public CommentStatus Status { get; init; }
        public DateTime ReceivedAtUtc { get; init; }
        public DateTime? AnsweredAtUtc { get; init; }
        public string? Name { get; init; }
        public string? Contact { get; init; }
    }

    private IQueryable<CommentRow> Comments(XiheDbContext db, Scope scope, DashboardFilter filter, IQueryable<Comment> comments) =>
        from c in comments
        join n in Notices(db, scope, filter) on c.NoticeId equals n.Id
        select new CommentRow
        {
            Id = c.Id, NoticeId = c.NoticeId, NoticeTitle = n.Title, OfficeId = n.OfficeId, CategoryId = n.CategoryId, Kind = c.Kind, Source = c.Source,
            Status = c.Status, ReceivedAtUtc = c.ReceivedAtUtc, AnsweredAtUtc = c.AnsweredAtUtc, Name = c.CommenterName, Contact = c.CommenterContact,
        };

    /// <summary>The period's comments: received, answered, answered by the end of their due day.</summary>
    private sealed class CommentTotals
    {
        public int Received { get; init; }
        public int Answered { get; init; }
        public int InTime { get; init; }
    }

    /// <summary>
    /// In time is "answered before the end of the due day", and the due day depends only on the day
    /// received: the calendar sets one threshold per day and SQL counts against it. Seeing every
    /// office with no office or category chosen, no comment is filtered out by its notice (comments
    /// are taken only on published notices, never on drafts): the period's comments are counted from
    /// their own covering index in one plain statement, without visiting a notice each and without
    /// the sort EF Core's one-row grouping costs — together most of the office head's first render at
    /// a county's size (172,000 comments a year: 270 ms → 65 ms).
    /// </summary>
    private CommentTotals CommentFigures(XiheDbContext db, Scope scope, DashboardFilter filter, WorkingCalendar calendar)
    {
        var answerDays = options.Value.CommentAnswerWorkdays;
        DateTime Due(DateOnly day) => ChinaTime.EndOfDayUtc(calendar.AddWorkdays(day, answerDays));
        if (scope.AllOffices && filter.OfficeId is null && filter.CategoryId is null)
        {
            var (days, parameter) = DayWindows.Source(db, filter.FirstDay, filter.LastDay, Due);
            return db.Database.SqlQueryRaw<CommentTotals>(
                // COUNT is a bigint on PostgreSQL: cast for the int properties.
                "SELECT CAST(COUNT(*) AS INTEGER) AS \"Received\", CAST(COUNT(c.\"AnsweredAtUtc\") AS INTEGER) AS \"Answered\", " +
                "CAST(COUNT(CASE WHEN c.\"AnsweredAtUtc\" < d.\"Threshold\" THEN 1 END) AS INTEGER) AS \"InTime\" " +
                $"FROM ({days}) AS d JOIN \"Comments\" AS c ON c.\"ReceivedAtUtc\" >= d.\"Start\" AND c.\"ReceivedAtUtc\" < d.\"End\"", parameter)
                .AsEnumerable().Single();
        }
        var totals = (from day in DayWindows.Of<DateTime>(db, filter.FirstDay, filter.LastDay, Due)
                      from c in Comments(db, scope, filter, db.Comments.AsNoTracking())
                      where c.ReceivedAtUtc >= day.Start && c.ReceivedAtUtc < day.End
                      select new { c.AnsweredAtUtc, Due = day.Threshold })
            .GroupBy(c => 1)
            .Select(g => new CommentTotals { Received = g.Count(), Answered = g.Count(c => c.AnsweredAtUtc != null), InTime = g.Count(c => c.AnsweredAtUtc < c.Due) })
            .SingleOrDefault();
        return totals ?? new CommentTotals();
    }

    private DateOnly CommentDue(DateTime receivedAtUtc, WorkingCalendar calendar) =>
        calendar.AddWorkdays(ChinaTime.DateOf(receivedAtUtc), options.Value.CommentAnswerWorkdays);

    private IQueryable<Comment> OpenObjectionsQuery(XiheDbContext db) =>
        db.Comments.AsNoTracking().Where(c => c.Status == CommentStatus.Pending && c.Kind == CommentKind.Objection);

    private NowFigures Now(XiheDbContext db, Scope scope, DashboardFilter filter, WorkingCalendar calendar, DateOnly today)
    {
        var open = OpenGroups(db, scope, filter, calendar, today);
        var limit = options.Value.ReviewLimitWorkdays;
        // The longest wait of a group is its oldest WaitingSinceUtc's (working days only grow going back).
        int Waiting(DateTime? since) => since is { } s ? Math.Max(0, calendar.WorkdaysBetween(ChinaTime.DateOf(s), today)) : 0;
        var states = open.GroupBy(o => (o.State, o.StageRole))
            .Select(g => new StateFigure(g.Key.State, g.Key.StageRole, g.Sum(x => x.Count), Waiting(g.Min(x => x.OldestWaitingUtc))))
            .OrderBy(s => Array.IndexOf(OpenStates, s.State)).ThenBy(s => s.StageRole is { } r ? Roles.All.ToList().IndexOf(r) : 0).ToList();
        var overLimit = open.Where(o => o.StageRole is not null && o.WaitingOverLimit > 0)
            .GroupBy(o => o.StageRole!).Select(g => new CountBy<string>(g.Key, g.Sum(x => x.WaitingOverLimit))).OrderBy(c => Roles.All.ToList().IndexOf(c.Key)).ToList();
        var lateUnpublished = LateUnpublishedCount(db, scope, filter, TimelinessLimits.Load(db), calendar, today);

        // By day received (China time): the answer date depends on the day only.
        var objections = Comments(db, scope, filter, OpenObjectionsQuery(db)).GroupBy(c => SqlFunctions.ChinaDate(c.ReceivedAtUtc))
            .Select(g => new { Day = g.Key, Count = g.Count() }).ToList();
        var overdueObjections = objections.Where(o => calendar.AddWorkdays(ParseDay(o.Day!), options.Value.CommentAnswerWorkdays) < today).Sum(o => o.Count);

        int? dueSoon = null, overdue = null;
        if (scope.SeesApplications)
        {
            var deadlines = OpenApplicationDeadlines(db, calendar, today);
            dueSoon = deadlines.Count(d => IsDueSoon(d.Deadline));
            overdue = deadlines.Count(d => d.Deadline.IsOverdue);
        }

        var windows = ClosingWindows(db, scope, filter, calendar, today);
        var reviews = PeriodicReview(db, scope, filter, today);

        var report = reportDeadline.Current();
        var textSaved = db.ReportTexts.Any(t => t.Year == report.Year);
        return new NowFigures(states, overLimit, limit, objections.Sum(o => o.Count), overdueObjections, dueSoon, overdue, lateUnpublished, report, textSaved,
            windows.Count(w => w.To == today), windows.Count, reviews.Count(r => r.DueOn <= today), reviews.Count);
    }

    /// <summary>定期审查: published notices due for review today or earlier, or within the next 30 days.</summary>
    private List<(int Id, DateOnly DueOn)> PeriodicReview(XiheDbContext db, Scope scope, DashboardFilter filter, DateOnly today)
    {
        var by = today.AddDays(PeriodicReviewHorizonDays);
        var rows = Notices(db, scope, filter).Where(n => n.State == NoticeState.Published && n.ReviewDueOn != null && n.ReviewDueOn <= by)
            .Select(n => new { n.Id, DueOn = n.ReviewDueOn!.Value }).ToList();
        return rows.Select(r => (r.Id, r.DueOn)).ToList();
    }

    /// <summary>The same horizon as the 定期审查 page.</summary>
    public const int PeriodicReviewHorizonDays = 30;

    /// <summary>Open 公示 windows whose last day is today or within the next 3 working days.</summary>
    private List<(int Id, DateOnly To)> ClosingWindows(XiheDbContext db, Scope scope, DashboardFilter filter, WorkingCalendar calendar, DateOnly today)
    {
        var by = calendar.AddWorkdays(today, 3);
        var rows = Notices(db, scope, filter).Where(n => n.State == NoticeState.InPublicity && n.PublicityTo != null && n.PublicityTo <= by)
            .Select(n => new { n.Id, To = n.PublicityTo!.Value }).ToList();
        return rows.Select(r => (r.Id, r.To)).ToList();
    }

    private static bool IsDueSoon(ApplicationDeadline d) => d is { DueDate: not null, IsOverdue: false, WorkingDaysLeft: <= ApplicationQueries.DueSoonDays };

    private static List<(DisclosureApplication Application, ApplicationDeadline Deadline)> OpenApplicationDeadlines(
        XiheDbContext db, WorkingCalendar calendar, DateOnly today)
    {
        var open = db.Applications.AsNoTracking().Where(a => a.Outcome == null).ToList();
        return open.Select(a =>
        {
            // As the register does: a date typed in the future is read as of that day.
            var asOf = a.ClockEvents().Max(e => e.Date) is var last && last > today ? last : today;
            return (a, ApplicationClock.Compute(a.ClockEvents(), asOf, calendar));
        }).ToList();
    }

    /// <summary>Publications of a month by office and category; an imported group also carries what its channel figures need.</summary>
    private sealed record PublishedGroup(int Month, int OfficeId, int CategoryId, int Count, ImportedGroup? Imported = null);

    private sealed record ImportedGroup(ContentForm? Form, ContentOrigin? Origin, List<Channel> Channels);

    /// <summary>A notice counted on a channel: a posting record of the year, or an imported notice on its channels.</summary>
    private sealed record ChannelGroup(int Month, Channel Channel, ContentForm? Form, ContentOrigin? Origin, int Count);

    /// <summary>
    /// Channel figures are counted from what was posted (issue: counted, not guessed): a live notice
    /// counts on a channel once it is recorded posted there, in the posting's month; an imported
    /// notice on its channels on its publication day.
    /// </summary>
    private List<ChannelGroup> ChannelGroups(XiheDbContext db, Scope scope, DashboardFilter filter, IEnumerable<PublishedGroup> groups)
    {
        var (first, last) = (filter.FirstDay, filter.LastDay);
        var live = (from p in db.NoticePostings.AsNoTracking()
                    join n in Notices(db, scope, filter) on p.NoticeId equals n.Id
                    where p.Status == Domain.Channels.PostingStatus.Posted && p.PostedOn >= first && p.PostedOn <= last
                    group p by new { p.PostedOn!.Value.Month, p.Channel, p.Form, p.Origin } into g
                    select new { g.Key, Count = g.Count() }).ToList();
        return live.Select(g => new ChannelGroup(g.Key.Month, g.Key.Channel, g.Key.Form, g.Key.Origin, g.Count))
            .Concat(groups.Where(g => g.Imported is not null)
                .SelectMany(g => g.Imported!.Channels.Select(c => new ChannelGroup(g.Month, c, g.Imported.Form, g.Imported.Origin, g.Count))))
            .Where(g => filter.Channel is not { } ch || g.Channel == ch)
            .ToList();
    }

    private List<PublishedGroup> PublishedGroups(XiheDbContext db, Scope scope, DashboardFilter filter)
    {
        var (from, to) = (filter.FromUtc, filter.ToUtc);
        // Grouped in SQL by what the figures show (month, office, category): a few hundred groups at most, whatever the number of notices.
        var live = OnChannel(Notices(db, scope, filter), filter).Where(n => n.PublishedAtUtc >= from && n.PublishedAtUtc < to)
            .GroupBy(n => new { n.PublishedAtUtc!.Value.AddHours(8).Month, n.OfficeId, n.CategoryId })
            .Select(g => new PublishedGroup(g.Key.Month, g.Key.OfficeId, g.Key.CategoryId, g.Count(), null)).ToList();
        var (first, last) = (filter.FirstDay, filter.LastDay);
        // Imported notices have no posting records: their own channels, form and origin count on the channel figures.
        var old = OnChannel(Historical(db, scope, filter), filter).Where(n => n.PublishedOn >= first && n.PublishedOn <= last)
            .GroupBy(n => new { n.PublishedOn.Month, n.OfficeId, n.CategoryId, n.Form, n.Origin, n.Channels })
            .Select(g => new { g.Key, Count = g.Count() }).ToList();
        return live
            .Concat(old.Select(g => new PublishedGroup(g.Key.Month, g.Key.OfficeId, g.Key.CategoryId, g.Count, new ImportedGroup(g.Key.Form, g.Key.Origin, g.Key.Channels))))
            .ToList();
    }

    /// <param name="InPeriod">Published within the period (documents always are; interpretations may be later).</param>
    private sealed record PolicyRow(int Id, string Title, int OfficeId, NoticeKind Kind, ContentForm? Form, string? DocumentNumber, bool IsHistorical, bool InPeriod);

    private List<PolicyRow> PolicyRows(XiheDbContext db, Scope scope, DashboardFilter filter)
    {
        var from = filter.FromUtc;
        var first = filter.FirstDay;
        NoticeKind[] kinds = [.. PolicyKinds, NoticeKind.Interpretation];
        // Interpretations published after the period still cover its documents, so only the start is bounded.
        var (to, last) = (filter.ToUtc, filter.LastDay);
        var live = OnChannel(Notices(db, scope, filter), filter)
            .Where(n => n.PublishedAtUtc >= from && kinds.Contains(n.Kind) && (n.Kind == NoticeKind.Interpretation || n.PublishedAtUtc < to))
            .Select(n => new PolicyRow(n.Id, n.Title, n.OfficeId, n.Kind, n.Form, n.DocumentNumber, false, n.PublishedAtUtc < to)).ToList();
        var old = OnChannel(Historical(db, scope, filter), filter)
            .Where(n => n.PublishedOn >= first && kinds.Contains(n.Kind) && (n.Kind == NoticeKind.Interpretation || n.PublishedOn <= last))
            .Select(n => new PolicyRow(n.Id, n.Title, n.OfficeId, n.Kind, n.Form, null, true, n.PublishedOn <= last)).ToList();
        return [.. live, .. old];
    }

    private static TargetFigures Targets(List<PolicyRow> rows, IReadOnlyDictionary<int, string> officeNames)
    {
        var documents = rows.Where(r => PolicyKinds.Contains(r.Kind)).ToList();
        var interpretations = rows.Where(r => r.Kind == NoticeKind.Interpretation).ToList();
        // Only an interpretation of the same office can cover a document: search the office's titles, joined.
        var titlesByOffice = interpretations.GroupBy(i => i.OfficeId).ToDictionary(g => g.Key, g => PolicyInterpretation.Join(g.Select(i => i.Title)));
        var missing = documents.Where(d => !PolicyInterpretation.CoversAny(d.Title, d.DocumentNumber, titlesByOffice.GetValueOrDefault(d.OfficeId, "")))
            .Select(d => new MissingInterpretation(d.Id, d.Title, officeNames.GetValueOrDefault(d.OfficeId, ""), d.IsHistorical)).ToList();
        var inPeriod = interpretations.Where(i => i.InPeriod).ToList();
        return new TargetFigures(documents.Count, documents.Count - missing.Count, missing, inPeriod.Count,
            inPeriod.Count(i => i.Form is ContentForm.Video or ContentForm.Animation));
    }

    /// <summary>Notices published in the period more than the timeliness limit of working days after they were formed.</summary>
    /// <remarks>
    /// "More than N working days from formed to published" is, for each day of publication, "formed
    /// on or before a day" (<see cref="LastDayMoreThan"/>): the calendar sets one threshold per day
    /// and SQL counts against it, instead of every notice's two dates coming back to be compared here.
    /// </remarks>
    private IQueryable<int> LatePublished(XiheDbContext db, Scope scope, DashboardFilter filter, WorkingCalendar calendar)
    {
        IQueryable<int>? late = null;
        var k = 0;
        foreach (var (limit, categories) in TimelinessLimits.Load(db).Groups())
        {
            var notices = OnChannel(Notices(db, scope, filter), filter);
            if (categories is not null) notices = notices.Where(n => categories.Contains(n.CategoryId));
            var part = from day in DayWindows.Of<DateOnly>(db, filter.FirstDay, filter.LastDay, d => LastDayFormedLate(calendar, d, limit), $"days{k++}")
                       from n in notices
                       where n.PublishedAtUtc >= day.Start && n.PublishedAtUtc < day.End && n.FormedOn <= day.Threshold
                       select n.Id;
            late = late is null ? part : late.Concat(part);
        }
        return late!;
    }

    private static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A <c>yyyy-MM-dd</c> day from SQL, parsed once per distinct text.</summary>
    private static DateOnly Day(Dictionary<string, DateOnly> parsed, string day)
    {
        if (!parsed.TryGetValue(day, out var value)) parsed[day] = value = ParseDay(day);
        return value;
    }

    private YearFigures Year(XiheDbContext db, Scope scope, DashboardFilter filter, WorkingCalendar calendar, DateOnly today,
        IReadOnlyDictionary<int, string> officeNames, IReadOnlyDictionary<int, string> categoryNames)
    {
        var groups = PublishedGroups(db, scope, filter);
        var channels = ChannelGroups(db, scope, filter, groups);
        var byMonth = channels.GroupBy(x => (x.Month, x.Channel)).Select(x => new MonthChannelCount(x.Key.Month, x.Key.Channel, x.Sum(y => y.Count)))
            .OrderBy(x => x.Month).ThenBy(x => x.Channel).ToList();
        var byOffice = groups.GroupBy(g => g.OfficeId).Select(g => new NamedCount(g.Key, officeNames.GetValueOrDefault(g.Key, ""), g.Sum(x => x.Count)))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name).ToList();
        var byCategory = groups.GroupBy(g => g.CategoryId).Select(g => new NamedCount(g.Key, categoryNames.GetValueOrDefault(g.Key, ""), g.Sum(x => x.Count)))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name).ToList();
        var wechat = channels.Where(g => g.Channel == Channel.WeChat).ToList();
        var byForm = wechat.Where(g => g.Form is not null).GroupBy(g => g.Form!.Value).Select(g => new CountBy<ContentForm>(g.Key, g.Sum(x => x.Count)))
            .OrderBy(x => x.Key).ToList();
        var byOrigin = wechat.Where(g => g.Origin is not null).GroupBy(g => g.Origin!.Value).Select(g => new CountBy<ContentOrigin>(g.Key, g.Sum(x => x.Count)))
            .OrderBy(x => x.Key).ToList();
        var late = LatePublished(db, scope, filter, calendar).Count();
        var targets = Targets(PolicyRows(db, scope, filter), officeNames);

        var comments = CommentFigures(db, scope, filter, calendar);
        int received = comments.Received, inTime = comments.InTime, lateAnswers = comments.Answered - inTime, open = received - comments.Answered;

        int? applicationsReceived = null;
        List<CountBy<ApplicationOutcome>>? outcomes = null;
        if (scope.SeesApplications)
        {
            var (first, last) = (filter.FirstDay, filter.LastDay);
            applicationsReceived = db.Applications.Count(a => a.ReceivedOn >= first && a.ReceivedOn <= last);
            outcomes = (db.Applications.Where(a => a.ClosedOn >= first && a.ClosedOn <= last && a.Outcome != null)
                    .GroupBy(a => a.Outcome!.Value).Select(g => new { g.Key, Count = g.Count() }).ToList())
                .Select(x => new CountBy<ApplicationOutcome>(x.Key, x.Count)).OrderBy(x => x.Key).ToList();
        }

        return new YearFigures(groups.Sum(g => g.Count),
            groups.GroupBy(g => g.Month).Select(g => new CountBy<int>(g.Key, g.Sum(x => x.Count))).OrderBy(x => x.Key).ToList(), byMonth, byOffice, byCategory, byForm, byOrigin, late, targets,
            received, inTime, lateAnswers, open, applicationsReceived, outcomes);
    }

    // Member-initialised (not positional) so that EF can still filter and group it after the join.
    private sealed class PeriodEvent
    {
        public int NoticeId { get; init; }
        public int OfficeId { get; init; }
        public int Sequence { get; init; }
        public DateTime AtUtc { get; init; }
        public NoticeAction Action { get; init; }
    }

    /// <summary>Events in the period that the by-office figures count: submit, return, final approval.</summary>
    private IQueryable<PeriodEvent> PeriodEvents(XiheDbContext db, Scope scope, DashboardFilter filter)
    {
        var (start, end) = (filter.FromUtc, filter.ToUtc);
        return from e in db.NoticeEvents.AsNoTracking()
               where e.AtUtc >= start && e.AtUtc < end
                     && (e.Action == NoticeAction.Submit || e.Action == NoticeAction.Return
                         || (e.Action == NoticeAction.Approve && e.ToState == NoticeState.Approved))
               join n in OnChannel(Notices(db, scope, filter), filter) on e.NoticeId equals n.Id
               select new PeriodEvent { NoticeId = e.NoticeId, OfficeId = n.OfficeId, Sequence = e.Sequence, AtUtc = e.AtUtc, Action = e.Action };
    }

    private sealed record Round(int NoticeId, int OfficeId, DateOnly Submitted, DateOnly Approved, int Stages);

    // Member-initialised (not positional) so that EF can still filter and group it.
    private sealed class RoundRow
    {
        public int NoticeId { get; init; }
        public int OfficeId { get; init; }
        public string? Submitted { get; init; }
        public string? Approved { get; init; }
        public int EarlierApprovals { get; init; }
    }

    /// <summary>
    /// The review rounds closed by a final approval in the period: each runs from the notice's latest
    /// submit before that approval (which may lie before the period) and has one stage per approval in
    /// it. Worked out in SQL by correlated look-ups on IX_NoticeEvents_Rounds; the two days come back as
    /// China dates (yyyy-MM-dd), all the working-day count needs. An approval with no submit before it
    /// (imported history) comes back with no <see cref="RoundRow.Submitted"/> and is no round.
    /// </summary>
    private IQueryable<RoundRow> RoundRows(XiheDbContext db, Scope scope, DashboardFilter filter)
    {
        var events = db.NoticeEvents.AsNoTracking();
        return from a in PeriodEvents(db, scope, filter)
               where a.Action == NoticeAction.Approve
               let submit = events.Where(s => s.NoticeId == a.NoticeId && s.Action == NoticeAction.Submit && s.Sequence < a.Sequence)
                   .Max(s => (int?)s.Sequence)
               select new RoundRow
               {
                   NoticeId = a.NoticeId,
                   OfficeId = a.OfficeId,
                   Submitted = events.Where(s => s.NoticeId == a.NoticeId && s.Action == NoticeAction.Submit && s.Sequence < a.Sequence)
                       .OrderByDescending(s => s.Sequence).Select(s => SqlFunctions.ChinaDate(s.AtUtc)).FirstOrDefault(),
                   Approved = SqlFunctions.ChinaDate(a.AtUtc),
                   EarlierApprovals = events.Count(s => s.NoticeId == a.NoticeId && s.Action == NoticeAction.Approve && s.Sequence > submit && s.Sequence < a.Sequence),
               };
    }

    private List<Round> Rounds(XiheDbContext db, Scope scope, DashboardFilter filter)
    {
        var days = new Dictionary<string, DateOnly>();
        return RoundRows(db, scope, filter).ToList().Where(r => r.Submitted is not null)
            .Select(r => new Round(r.NoticeId, r.OfficeId, Day(days, r.Submitted!), Day(days, r.Approved!), r.EarlierApprovals + 1))
            .ToList();
    }

    private bool OnTime(Round r, WorkingCalendar calendar) =>
        calendar.WorkdaysBetween(r.Submitted, r.Approved) <= options.Value.ReviewLimitWorkdays * r.Stages;

    private List<OfficeFigures> ByOffice(XiheDbContext db, Scope scope, DashboardFilter filter, WorkingCalendar calendar,
        IReadOnlyDictionary<int, string> officeNames)
    {
        // Counted in SQL by office and action: a few dozen groups.
        var events = PeriodEvents(db, scope, filter).GroupBy(e => new { e.OfficeId, e.Action })
            .Select(g => new { g.Key.OfficeId, g.Key.Action, Count = g.Count() }).ToList();
        // Rounds counted in SQL by office, submit day, approval day and stages: all the figures depend on.
        var days = new Dictionary<string, DateOnly>();
        var rounds = RoundRows(db, scope, filter).GroupBy(r => new { r.OfficeId, r.Submitted, r.Approved, r.EarlierApprovals })
            .Select(g => new { g.Key.OfficeId, g.Key.Submitted, g.Key.Approved, g.Key.EarlierApprovals, Count = g.Count() }).ToList()
            .Where(g => g.Submitted is not null)
            .Select(g => (Round: new Round(0, g.OfficeId, Day(days, g.Submitted!), Day(days, g.Approved!), g.EarlierApprovals + 1), g.Count))
            .ToList();
        var officeIds = events.Select(e => e.OfficeId).Concat(rounds.Select(r => r.Round.OfficeId)).Distinct();
        return officeIds.Select(id =>
        {
            var mine = rounds.Where(r => r.Round.OfficeId == id).ToList();
            var reviewed = mine.Sum(r => r.Count);
            return new OfficeFigures(id, officeNames.GetValueOrDefault(id, ""),
                events.Where(e => e.OfficeId == id && e.Action == NoticeAction.Submit).Sum(e => e.Count),
                events.Where(e => e.OfficeId == id && e.Action == NoticeAction.Return).Sum(e => e.Count),
                reviewed,
                reviewed == 0 ? null : Math.Round(mine.Sum(r => (double)calendar.WorkdaysBetween(r.Round.Submitted, r.Round.Approved) * r.Count) / reviewed, 1),
                mine.Where(r => OnTime(r.Round, calendar)).Sum(r => r.Count));
        }).OrderBy(o => o.OfficeName).ToList();
    }

    /// <summary>
    /// The list behind one number of the dashboard (<see cref="DashboardMetric"/>), under the same
    /// scope and filters; names and contacts masked.
    /// </summary>
    public async Task<IReadOnlyList<DrillRow>> ListAsync(string metric, DashboardFilter filter, Actor actor, int? month = null,
        CancellationToken ct = default)
    {
        filter = filter.Normalized();
        var (name, arg) = DashboardMetric.Parse(metric);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, actor, ct);
        var calendar = await calendars.GetAsync(ct);
        var today = clock.Today();
        var offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        async Task<List<DrillRow>> NoticesById(IEnumerable<int> ids)
        {
            var list = ids.ToList();
            var rows = await db.Notices.AsNoTracking().Where(n => list.Contains(n.Id))
                .Select(n => new { n.Id, n.Title, n.OfficeId, n.CategoryId, n.State, n.PublishedAtUtc, n.UpdatedAtUtc, n.IndexNumber }).ToListAsync(ct);
            return rows.OrderByDescending(r => r.UpdatedAtUtc).Select(r => new DrillRow(DrillKind.Notice, r.Id, r.Title, offices.GetValueOrDefault(r.OfficeId),
                categories.GetValueOrDefault(r.CategoryId), CodeLabels.Label(r.State), ChinaTime.DateOf(r.PublishedAtUtc ?? r.UpdatedAtUtc), r.IndexNumber, null, null)).ToList();
        }

        async Task<List<DrillRow>> Published(Func<NoticeKind, ContentForm?, ContentOrigin?, IReadOnlyList<Channel>, bool> keep)
        {
            var (from, to, first, last) = (filter.FromUtc, filter.ToUtc, filter.FirstDay, filter.LastDay);
            var live = await Notices(db, scope, filter).Where(n => n.PublishedAtUtc >= from && n.PublishedAtUtc < to)
                .Select(n => new { n.Id, n.Title, n.OfficeId, n.CategoryId, n.State, n.PublishedAtUtc, n.Kind, n.Form, n.Origin, n.Channels, n.IndexNumber })
                .ToListAsync(ct);
            var old = await Historical(db, scope, filter).Where(n => n.PublishedOn >= first && n.PublishedOn <= last)
                .Select(n => new { n.Id, n.Title, n.OfficeId, n.CategoryId, n.PublishedOn, n.RepealedOn, n.Kind, n.Form, n.Origin, n.Channels, n.Reference })
                .ToListAsync(ct);
            return live.Where(n => (filter.Channel is not { } ch || n.Channels.Contains(ch)) && keep(n.Kind, n.Form, n.Origin, n.Channels))
                    .Select(n => (Row: new DrillRow(DrillKind.Notice, n.Id, n.Title, offices.GetValueOrDefault(n.OfficeId), categories.GetValueOrDefault(n.CategoryId),
                        CodeLabels.Label(n.State), ChinaTime.DateOf(n.PublishedAtUtc!.Value), ChannelText(n.Channels), null, null), Month: ChinaTime.DateOf(n.PublishedAtUtc!.Value).Month))
                .Concat(old.Where(n => (filter.Channel is not { } ch || n.Channels.Contains(ch)) && keep(n.Kind, n.Form, n.Origin, n.Channels))
                    .Select(n => (Row: new DrillRow(DrillKind.HistoricalNotice, n.Id, n.Title, offices.GetValueOrDefault(n.OfficeId), categories.GetValueOrDefault(n.CategoryId),
                        CodeLabels.Label(n.RepealedOn is { } r && r <= today ? NoticeState.Expired : NoticeState.Published), n.PublishedOn, ChannelText(n.Channels), null, null),
                        Month: n.PublishedOn.Month)))
                .Where(x => month is null || x.Month == month)
                .Select(x => x.Row).OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).ToList();
        }

        // The notices behind a WeChat figure: posted on WeChat in the period with that form / origin (and imported ones).
        async Task<List<DrillRow>> PostedOnWeChat(Func<ContentForm?, ContentOrigin?, bool> keep)
        {
            var (first, last) = (filter.FirstDay, filter.LastDay);
            var postings = await (from p in db.NoticePostings.AsNoTracking()
                                  join n in Notices(db, scope, filter) on p.NoticeId equals n.Id
                                  where p.Status == Domain.Channels.PostingStatus.Posted && p.Channel == Channel.WeChat
                                        && p.PostedOn >= first && p.PostedOn <= last
                                  select new { p.NoticeId, p.Form, p.Origin, PostedOn = p.PostedOn!.Value }).ToListAsync(ct);
            var live = await NoticesById(postings.Where(p => keep(p.Form, p.Origin) && (month is null || p.PostedOn.Month == month)).Select(p => p.NoticeId));
            var imported = (await Published((_, form, origin, channels) => channels.Contains(Channel.WeChat) && keep(form, origin)))
                .Where(r => r.Kind == DrillKind.HistoricalNotice);
            return live.Concat(imported).OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).ToList();
        }

        async Task<List<DrillRow>> CommentList(IQueryable<Comment> source, Func<CommentRow, bool> keep)
        {
            var rows = await Comments(db, scope, filter, source).ToListAsync(ct);
            return rows.Where(keep).OrderByDescending(c => c.ReceivedAtUtc).Select(c =>
            {
                var hidden = c.Kind == CommentKind.Report;
                return new DrillRow(DrillKind.Comment, c.Id, c.NoticeTitle, offices.GetValueOrDefault(c.OfficeId), categories.GetValueOrDefault(c.CategoryId),
                    CodeLabels.Label(c.Status), ChinaTime.DateOf(c.ReceivedAtUtc),
                    $"{CodeLabels.Label(c.Kind)} · {CodeLabels.Label(c.Source)} · 答复期限 {CommentDue(c.ReceivedAtUtc, calendar):yyyy-MM-dd}",
                    hidden ? null : ApplicationQueries.MaskName(c.Name), hidden ? null : ApplicationQueries.MaskContact(c.Contact));
            }).ToList();
        }

        List<DrillRow> ApplicationList(IEnumerable<(DisclosureApplication A, ApplicationDeadline? D)> rows) =>
            rows.OrderBy(x => x.A.ReceivedOn).Select(x => new DrillRow(DrillKind.Application, x.A.Id, x.A.Reference + " " + x.A.Request, null, null,
                x.A.Outcome is { } o ? CodeLabels.Label(o) : x.D is { IsOverdue: true } ? "已逾期" : "在办", x.A.ReceivedOn,
                x.D?.DueDate is { } due ? $"答复期限 {due:yyyy-MM-dd}" : x.A.ClosedOn is { } closed ? $"办结 {closed:yyyy-MM-dd}" : null,
                ApplicationQueries.MaskName(x.A.ApplicantName), ApplicationQueries.MaskContact(x.A.ApplicantContact))).ToList();

        switch (name)
        {
            case DashboardMetric.Open:
            {
                var open = Open(db, scope, filter, calendar, today);
                var (state, role) = ParseState(arg);
                return await NoticesById(open.Where(o => (state is null || o.Row.State == state) && (role is null || o.Row.StageRole == role)).Select(o => o.Row.Id));
            }
            case DashboardMetric.ReviewsOverLimit:
            {
                var open = Open(db, scope, filter, calendar, today);
                return await NoticesById(open.Where(o => o.Row.StageRole is not null && o.Waiting > options.Value.ReviewLimitWorkdays
                    && (arg is null || o.Row.StageRole == arg)).Select(o => o.Row.Id));
            }
            case DashboardMetric.LateUnpublished:
            {
                var open = Open(db, scope, filter, calendar, today);
                var limits = TimelinessLimits.Load(db);
                return await NoticesById(open.Where(o => IsLateUnpublished(o.Row, limits, calendar, today)).Select(o => o.Row.Id));
            }
            case DashboardMetric.WindowsClosingToday:
                return await NoticesById((ClosingWindows(db, scope, filter, calendar, today)).Where(w => w.To == today).Select(w => w.Id));
            case DashboardMetric.WindowsClosingSoon:
                return await NoticesById((ClosingWindows(db, scope, filter, calendar, today)).Select(w => w.Id));
            case DashboardMetric.ReviewDue:
                return await NoticesById(PeriodicReview(db, scope, filter, today).Where(r => r.DueOn <= today).Select(r => r.Id));
            case DashboardMetric.ReviewDueSoon:
                return await NoticesById(PeriodicReview(db, scope, filter, today).Select(r => r.Id));
            case DashboardMetric.LatePublished:
                return await NoticesById(LatePublished(db, scope, filter, calendar).ToList());
            case DashboardMetric.Published:
                return await Published((_, _, _, _) => true);
            case DashboardMetric.WeChatForm:
                return await PostedOnWeChat((form, _) => form?.ToString() == arg);
            case DashboardMetric.WeChatOrigin:
                return await PostedOnWeChat((_, origin) => origin?.ToString() == arg);
            case DashboardMetric.PolicyDocuments:
            case DashboardMetric.MissingInterpretation:
            case DashboardMetric.Interpretations:
            case DashboardMetric.VideoInterpretations:
            {
                var rows = PolicyRows(db, scope, filter);
                var targets = Targets(rows, offices);
                var missing = targets.Missing.Select(m => (m.Id, m.IsHistorical)).ToHashSet();
                bool InPeriodInterpretation(PolicyRow r) => r.Kind == NoticeKind.Interpretation && r.InPeriod;
                var keep = rows.Where(r => name switch
                {
                    DashboardMetric.PolicyDocuments => PolicyKinds.Contains(r.Kind),
                    DashboardMetric.MissingInterpretation => missing.Contains((r.Id, r.IsHistorical)),
                    DashboardMetric.Interpretations => InPeriodInterpretation(r),
                    _ => InPeriodInterpretation(r) && r.Form is ContentForm.Video or ContentForm.Animation,
                }).Select(r => (r.Id, r.IsHistorical)).ToHashSet();
                return await Published((_, _, _, _) => true) is var all
                    ? all.Where(r => keep.Contains((r.Id, r.Kind == DrillKind.HistoricalNotice))).ToList()
                    : [];
            }
            case DashboardMetric.Submissions:
            case DashboardMetric.Returns:
            case DashboardMetric.Reviewed:
            case DashboardMetric.ReviewedOnTime:
            {
                async Task<IEnumerable<int>> EventIds(NoticeAction action) =>
                    await PeriodEvents(db, scope, filter).Where(e => e.Action == action).Select(e => e.NoticeId).ToListAsync(ct);
                IEnumerable<int> ids = name switch
                {
                    DashboardMetric.Submissions => await EventIds(NoticeAction.Submit),
                    DashboardMetric.Returns => await EventIds(NoticeAction.Return),
                    DashboardMetric.Reviewed => Rounds(db, scope, filter).Select(r => r.NoticeId),
                    _ => Rounds(db, scope, filter).Where(r => OnTime(r, calendar)).Select(r => r.NoticeId),
                };
                return await NoticesById(ids.Distinct());
            }
            case DashboardMetric.OpenObjections:
                return await CommentList(OpenObjectionsQuery(db), _ => true);
            case DashboardMetric.OverdueObjections:
                return await CommentList(OpenObjectionsQuery(db), c => CommentDue(c.ReceivedAtUtc, calendar) < today);
            case DashboardMetric.CommentsReceived:
            case DashboardMetric.CommentsInTime:
            case DashboardMetric.CommentsLate:
            case DashboardMetric.CommentsOpen:
            {
                var (from, to) = (filter.FromUtc, filter.ToUtc);
                var source = db.Comments.AsNoTracking().Where(c => c.ReceivedAtUtc >= from && c.ReceivedAtUtc < to);
                bool InTime(CommentRow c) => c.AnsweredAtUtc is { } at && ChinaTime.DateOf(at) <= CommentDue(c.ReceivedAtUtc, calendar);
                return await CommentList(source, name switch
                {
                    DashboardMetric.CommentsInTime => InTime,
                    DashboardMetric.CommentsLate => c => c.AnsweredAtUtc is not null && !InTime(c),
                    DashboardMetric.CommentsOpen => c => c.AnsweredAtUtc is null,
                    _ => _ => true,
                });
            }
            case DashboardMetric.ApplicationsDueSoon when scope.SeesApplications:
                return ApplicationList((OpenApplicationDeadlines(db, calendar, today)).Where(x => IsDueSoon(x.Deadline)).Select(x => (x.Application, (ApplicationDeadline?)x.Deadline)));
            case DashboardMetric.ApplicationsOverdue when scope.SeesApplications:
                return ApplicationList((OpenApplicationDeadlines(db, calendar, today)).Where(x => x.Deadline.IsOverdue).Select(x => (x.Application, (ApplicationDeadline?)x.Deadline)));
            case DashboardMetric.ApplicationsReceived when scope.SeesApplications:
            {
                var (first, last) = (filter.FirstDay, filter.LastDay);
                var rows = await db.Applications.AsNoTracking().Where(a => a.ReceivedOn >= first && a.ReceivedOn <= last).ToListAsync(ct);
                return ApplicationList(rows.Select(a => (a, (ApplicationDeadline?)null)));
            }
            case DashboardMetric.ApplicationOutcome when scope.SeesApplications && Enum.TryParse<ApplicationOutcome>(arg, out var outcome):
            {
                var (first, last) = (filter.FirstDay, filter.LastDay);
                var rows = await db.Applications.AsNoTracking().Where(a => a.ClosedOn >= first && a.ClosedOn <= last && a.Outcome == outcome).ToListAsync(ct);
                return ApplicationList(rows.Select(a => (a, (ApplicationDeadline?)null)));
            }
            default:
                return [];
        }
    }

    private static (NoticeState? State, string? Role) ParseState(string? arg)
    {
        if (string.IsNullOrEmpty(arg)) return (null, null);
        var parts = arg.Split('.', 2);
        return (Enum.TryParse<NoticeState>(parts[0], out var s) ? s : null, parts.Length > 1 ? parts[1] : null);
    }

    private static string ChannelText(IEnumerable<Channel> channels) => string.Join("、", channels.Select(c => CodeLabels.Label(c)));
}

/// <summary>The names of the dashboard's numbers, as the drill-down page's <c>metric</c> takes them (<c>name</c> or <c>name:argument</c>).</summary>
public static class DashboardMetric
{
    public const string Open = "open";
    public const string ReviewsOverLimit = "reviews-over-limit";
    public const string LateUnpublished = "late-unpublished";
    public const string LatePublished = "late-published";
    public const string WindowsClosingToday = "windows-closing-today";
    public const string WindowsClosingSoon = "windows-closing-soon";
    public const string ReviewDue = "review-due";
    public const string ReviewDueSoon = "review-due-soon";
    public const string Published = "published";
    public const string WeChatForm = "wechat-form";
    public const string WeChatOrigin = "wechat-origin";
    public const string PolicyDocuments = "policy-documents";
    public const string MissingInterpretation = "missing-interpretation";
    public const string Interpretations = "interpretations";
    public const string VideoInterpretations = "video-interpretations";
    public const string Submissions = "submissions";
    public const string Returns = "returns";
    public const string Reviewed = "reviewed";
    public const string ReviewedOnTime = "reviewed-on-time";
    public const string OpenObjections = "objections-open";
    public const string OverdueObjections = "objections-overdue";
    public const string CommentsReceived = "comments-received";
    public const string CommentsInTime = "comments-in-time";
    public const string CommentsLate = "comments-late";
    public const string CommentsOpen = "comments-open";
    public const string ApplicationsDueSoon = "applications-due-soon";
    public const string ApplicationsOverdue = "applications-overdue";
    public const string ApplicationsReceived = "applications-received";
    public const string ApplicationOutcome = "application-outcome";

    public static (string Name, string? Argument) Parse(string metric)
    {
        var parts = (metric ?? "").Split(':', 2);
        return (parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }

    public static string With(string name, object? argument) => argument is null ? name : $"{name}:{argument}";
}

/// <summary>
/// 图文解读全覆盖 without a link field: an interpretation covers a policy document of the same
/// office when its title contains the document's name — the text inside the document title's first
/// 《》 if it has one, else the title without "关于" / "的通知" — or the document's 文号.
/// </summary>
public static class PolicyInterpretation
{
    public static bool Covers(string documentTitle, string? documentNumber, int documentOfficeId, string interpretationTitle, int interpretationOfficeId)
    {
        if (documentOfficeId != interpretationOfficeId) return false;
        return CoversAny(documentTitle, documentNumber, Join([interpretationTitle]));
    }

    /// <summary>
    /// Interpretation titles joined by a character no title or key holds (NUL), so that one search of
    /// the joined text finds a key exactly when some title contains it.
    /// </summary>
    public static string Join(IEnumerable<string> interpretationTitles) => string.Join('\0', interpretationTitles.Select(t => t.Replace('\0', ' ')));

    /// <summary>Whether any of the <see cref="Join">joined</see> interpretation titles (of the document's own office) covers the document.</summary>
    public static bool CoversAny(string documentTitle, string? documentNumber, string joinedInterpretationTitles)
    {
        if (!string.IsNullOrWhiteSpace(documentNumber) && joinedInterpretationTitles.Contains(documentNumber.Trim().Replace('\0', ' '), StringComparison.Ordinal)) return true;
        var key = Key(documentTitle).Replace('\0', ' ');
        return key.Length > 0 && joinedInterpretationTitles.Contains(key, StringComparison.Ordinal);
    }

    public static string Key(string title)
    {
        var open = title.IndexOf('《');
        var close = open >= 0 ? title.IndexOf('》', open + 1) : -1;
        if (open >= 0 && close > open + 1) return title[(open + 1)..close];
        var key = title.Trim();
        if (key.StartsWith("关于", StringComparison.Ordinal)) key = key[2..];
        foreach (var suffix in new[] { "的通知", "的意见", "的决定", "的公告" })
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal)) key = key[..^suffix.Length];
        }
        return key;
    }
}
