using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Notices;

public record NoticeListItem(
    int Id, string Title, string OfficeName, string CategoryName, NoticeState State, string? StageRole,
    int StageNumber, int StageCount, string AuthorName, DateTime? WaitingSinceUtc, DateTime UpdatedAtUtc,
    int WaitingWorkdays, int Version, string? LastReason, string? IndexNumber)
{
    /// <summary>待我审核 under 代理审核: the reviewer this person would decide the item for.</summary>
    public string? OnBehalfOfName { get; init; }
}

public record MyWork(IReadOnlyList<NoticeListItem> Drafts, IReadOnlyList<NoticeListItem> Returned, IReadOnlyList<NoticeListItem> Submitted);

public record NoticeEventView(int Sequence, DateTime AtUtc, string ActorName, NoticeAction Action, NoticeState From, NoticeState To,
    int? Stage, string? StageRole, int? Revision, string? Reason, DateOnly? MeetingDate, string? MinutesReference);

public record NoticeDetails(
    int Id, int Version, string Title, string BodyHtml, string CategoryName, int CategoryId, bool CategoryIsMajor,
    string OfficeName, int OfficeId, NoticeKind Kind, IReadOnlyList<Channel> Channels, ContentForm Form, ContentOrigin Origin,
    string LegalBasis, string? DocumentNumber, DateOnly? FormedOn, IReadOnlyList<AttachmentRef> Attachments,
    string AuthorId, string AuthorName, NoticeState State, IReadOnlyList<WorkflowStage> Stages, int StageIndex,
    int CurrentRevision, string? IndexNumber, DateTime? PublishedAtUtc, DateTime CreatedAtUtc,
    IReadOnlyList<int> RevisionNumbers, IReadOnlyList<NoticeEventView> Events,
    IReadOnlyList<NoticeAction> AvailableActions, bool CanEdit, bool NeedsMeeting,
    DateOnly? PublicityFrom = null, DateOnly? PublicityTo = null, bool PublicityProvisional = false, PublicityOutcome? PublicityOutcome = null,
    DateTime? ScheduledAtUtc = null, int? PublicityDays = null, DateOnly? TimelinessDeadline = null, bool TimelinessLate = false,
    IReadOnlyList<CorrectionView>? Corrections = null, IReadOnlyList<ClarificationView>? Clarifications = null,
    DateOnly? ReviewDueOn = null, DateTime? RepublishedAtUtc = null)
{
    /// <summary>The correction being drafted or reviewed, if any.</summary>
    public CorrectionView? OpenCorrection => Corrections?.FirstOrDefault(c => c.Status is CorrectionStatus.Draft or CorrectionStatus.InReview or CorrectionStatus.Returned);

    public string? WindowText => PublicityFrom is { } f && PublicityTo is { } t ? Domain.Publicity.PublicityWindow.Format(f, t) : null;
}

public record RevisionInfo(int Number, DateTime FrozenAtUtc, string AuthorName);

/// <summary>One field of two revisions side by side; <see cref="Segments"/> hold the character-level changes.</summary>
public record FieldComparison(string Field, string Old, string New, IReadOnlyList<DiffSegment> Segments)
{
    public bool Changed => Old != New;
}

public record RevisionComparison(string Title, IReadOnlyList<RevisionInfo> Revisions, int From, int To, IReadOnlyList<FieldComparison> Fields,
    IReadOnlyList<RosterRowDiff> RosterChanges);

/// <summary>A notice's roster as shown: the working copy while a draft, else the latest frozen one.</summary>
public record RosterView(string FileName, Roster Roster, int? Revision, bool Editable);

/// <summary>What the 更正 page starts from: the published text, and the correction this person has open.</summary>
public record CorrectionDraft(int NoticeId, int Version, NoticeState State, NoticeKind Kind, string CategoryName, string OfficeName,
    NoticeContent Published, CorrectionView? Open, string? Refusal);

/// <summary>A line of 定期审查's queue.</summary>
public record PeriodicReviewItem(int Id, string Title, string OfficeName, string CategoryName, DateTime? PublishedAtUtc,
    DateOnly ReviewDueOn, bool Due, int Version, string? IndexNumber);

/// <summary>A correction waiting for this person's decision (待我审核).</summary>
public record CorrectionQueueItem(int NoticeId, string Title, string OfficeName, int Number, string AuthorName, string Note,
    bool Material, DateTime? SubmittedAtUtc, int Version, string? OnBehalfOfName = null);

public record CategoryOption(int Id, string Name, NoticeKind Kind, IReadOnlyList<Channel> Channels, bool IsMajor, int? PublicityPeriod,
    Domain.Publicity.PeriodUnit PublicityUnit = Domain.Publicity.PeriodUnit.CalendarDays);

public record OfficeOption(int Id, string Name);

/// <summary>Read models of notices, as AsNoTracking projections; what a person sees is filtered to what they may see.</summary>
public class NoticeQueries(IDbContextFactory<XiheDbContext> contexts, TimeProvider clock, CalendarProvider calendars,
    Privacy.NoticePrivacyCheck privacy)
{
    public async Task<(IReadOnlyList<CategoryOption> Categories, IReadOnlyList<OfficeOption> Offices)> FormOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        var offices = await db.Offices.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.SortOrder)
            .Select(o => new OfficeOption(o.Id, o.Name)).ToListAsync(ct);
        return (categories.Select(c => new CategoryOption(c.Id, c.Name, c.DefaultKind, c.DefaultChannels, c.IsMajor, c.PublicityPeriod, c.PublicityUnit)).ToList(), offices);
    }

    public async Task<MyWork> MyWorkAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var mine = await ListAsync(db, db.Notices.Where(n => n.AuthorId == actor.UserId), ct);
        return new MyWork(
            mine.Where(n => n.State == NoticeState.Draft).OrderByDescending(n => n.UpdatedAtUtc).ToList(),
            mine.Where(n => n.State == NoticeState.Returned).OrderBy(n => n.WaitingSinceUtc).ToList(),
            mine.Where(n => n.State is not (NoticeState.Draft or NoticeState.Returned)).OrderByDescending(n => n.UpdatedAtUtc).ToList());
    }

    /// <summary>待我审核: items at a stage this person may decide now, oldest first.</summary>
    public async Task<IReadOnlyList<NoticeListItem>> ReviewQueueAsync(Actor actor, bool leadingGroupOnly = false, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var noticeActor = await NoticeActors.LoadAsync(db, actor, clock.GetUtcNow().UtcDateTime, ct);
        var inReview = await db.Notices.AsNoTracking().Include(n => n.Events).Where(n => n.State == NoticeState.InReview).ToListAsync(ct);
        var ids = inReview
            .Where(n => !leadingGroupOnly || n.CurrentStage?.IsLeadingGroup == true)
            .Where(n => leadingGroupOnly ? actor.IsIn(Roles.LeadingGroup) || actor.IsIn(Roles.DisclosureOfficer)
                                         : n.AvailableActions(noticeActor).Contains(NoticeAction.Approve))
            .Select(n => n.Id).ToHashSet();
        var onBehalf = inReview.Where(n => ids.Contains(n.Id))
            .Select(n => (n.Id, Name: n.OnBehalfOf(NoticeAction.Approve, noticeActor)?.Name))
            .Where(x => x.Name is not null).ToDictionary(x => x.Id, x => x.Name);
        var items = await ListAsync(db, db.Notices.Where(n => ids.Contains(n.Id)), ct);
        return items.Select(n => n with { OnBehalfOfName = onBehalf.GetValueOrDefault(n.Id) }).OrderBy(n => n.WaitingSinceUtc).ToList();
    }

    public async Task<NoticeDetails?> DetailsAsync(int id, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var n = await db.Notices.AsNoTracking().Include(x => x.Events).Include(x => x.Revisions).Include(x => x.Corrections)
            .Include(x => x.Clarifications).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return null;
        var noticeActor = await NoticeActors.LoadAsync(db, actor, clock.GetUtcNow().UtcDateTime, ct);
        if (!MaySee(n, actor, noticeActor)) return null;
        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == n.CategoryId, ct);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == n.OfficeId, ct);
        var calendar = await calendars.GetAsync(ct);
        DateOnly? deadline = n.FormedOn is { } formed ? Domain.Publicity.Timeliness.Deadline(formed, category.TimelinessLimitDays, calendar) : null;
        var late = n.FormedOn is { } f2 && n.State is not (NoticeState.Rejected or NoticeState.Withdrawn)
            && Domain.Publicity.Timeliness.IsLate(f2, category.TimelinessLimitDays, n.PublishedAtUtc is { } p ? ChinaTime.DateOf(p) : null,
                ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime), calendar);
        return new NoticeDetails(n.Id, n.Version, n.Title, n.BodyHtml, category.Name, category.Id, category.IsMajor, office.Name, office.Id,
            n.Kind, n.Channels, n.Form, n.Origin, n.LegalBasis, n.DocumentNumber, n.FormedOn, n.Attachments, n.AuthorId, n.AuthorName,
            n.State, n.Stages, n.StageIndex, n.CurrentRevision, n.IndexNumber, n.PublishedAtUtc, n.CreatedAtUtc,
            n.Revisions.Select(r => r.Number).OrderBy(x => x).ToList(),
            n.Events.OrderBy(e => e.Sequence).Select(e => new NoticeEventView(e.Sequence, e.AtUtc,
                NoticeEvent.DisplayName(e.ActorName, e.OnBehalfOfName), e.Action, e.FromState,
                e.ToState, e.Stage, e.StageRole, e.Revision, e.Reason, e.MeetingDate, e.MinutesReference)).ToList(),
            n.AvailableActions(noticeActor),
            NoticeWorkflow.IsEditable(n.State) && n.AuthorId == actor.UserId,
            n.CurrentStageNeedsMeeting,
            n.PublicityFrom, n.PublicityTo, n.PublicityProvisional, n.PublicityOutcome, n.ScheduledAtUtc, n.PublicityDays, deadline, late,
            n.Corrections.OrderByDescending(c => c.Number).Select(CorrectionView.From).ToList(),
            n.Clarifications.OrderBy(c => c.AtUtc).Select(c => new ClarificationView(c.AtUtc, c.Text, c.ActorName)).ToList(),
            n.ReviewDueOn, n.RepublishedAtUtc);
    }

    /// <summary>更正: the published text and this person's open correction; Refusal says why they may not correct.</summary>
    public async Task<CorrectionDraft?> CorrectionDraftAsync(int id, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var n = await db.Notices.AsNoTracking().Include(x => x.Corrections).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return null;
        var noticeActor = await NoticeActors.LoadAsync(db, actor, clock.GetUtcNow().UtcDateTime, ct);
        if (!MaySee(n, actor, noticeActor)) return null;
        var category = await db.Categories.AsNoTracking().Where(c => c.Id == n.CategoryId).Select(c => c.Name).SingleAsync(ct);
        var office = await db.Offices.AsNoTracking().Where(o => o.Id == n.OfficeId).Select(o => o.Name).SingleAsync(ct);
        var refusal = n.RefusalOf(NoticeAction.SubmitCorrection, noticeActor);
        return new CorrectionDraft(n.Id, n.Version, n.State, n.Kind, category, office, n.Content,
            n.OpenCorrection is { } open ? CorrectionView.From(open) : null,
            refusal is null ? null : Resources.Messages.For(refusal));
    }

    /// <summary>待我审核 — 更正: corrections at a stage this person may decide now, oldest first.</summary>
    public async Task<IReadOnlyList<CorrectionQueueItem>> CorrectionQueueAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var noticeActor = await NoticeActors.LoadAsync(db, actor, clock.GetUtcNow().UtcDateTime, ct);
        var ids = await db.NoticeCorrections.AsNoTracking().Where(c => c.Status == CorrectionStatus.InReview).Select(c => c.NoticeId).ToListAsync(ct);
        if (ids.Count == 0) return [];
        var notices = await db.Notices.AsNoTracking().Include(n => n.Corrections).Where(n => ids.Contains(n.Id)).ToListAsync(ct);
        var offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return notices.Where(n => n.AvailableActions(noticeActor).Contains(NoticeAction.ApproveCorrection))
            .Select(n => (Notice: n, Correction: n.OpenCorrection!))
            .Select(x => new CorrectionQueueItem(x.Notice.Id, x.Notice.Title, offices.GetValueOrDefault(x.Notice.OfficeId, ""),
                x.Correction.Number, x.Correction.AuthorName, x.Correction.Note, x.Correction.Material, x.Correction.SubmittedAtUtc,
                x.Notice.Version, x.Notice.OnBehalfOf(NoticeAction.ApproveCorrection, noticeActor)?.Name))
            .OrderBy(x => x.SubmittedAtUtc).ToList();
    }

    /// <summary>
    /// 定期审查: published notices whose review date has come (Due) or comes within
    /// <paramref name="aheadDays"/> days, earliest first. The disclosure officer's queue.
    /// </summary>
    public async Task<IReadOnlyList<PeriodicReviewItem>> PeriodicReviewQueueAsync(Actor actor, int aheadDays = 30, CancellationToken ct = default)
    {
        actor.Require(Roles.DisclosureOfficer);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(aheadDays);
        var rows = await (from n in db.Notices.AsNoTracking()
                          where n.State == NoticeState.Published && n.ReviewDueOn != null && n.ReviewDueOn <= horizon
                          join c in db.Categories on n.CategoryId equals c.Id
                          join o in db.Offices on n.OfficeId equals o.Id
                          orderby n.ReviewDueOn, n.Id
                          select new { n.Id, n.Title, Office = o.Name, Category = c.Name, n.PublishedAtUtc, n.ReviewDueOn, n.Version, n.IndexNumber })
            .ToListAsync(ct);
        return rows.Select(r => new PeriodicReviewItem(r.Id, r.Title, r.Office, r.Category, r.PublishedAtUtc, r.ReviewDueOn!.Value,
            r.ReviewDueOn <= today, r.Version, r.IndexNumber)).ToList();
    }

    /// <summary>What the open correction changes against the published text, field by field (changed fields only).</summary>
    public async Task<IReadOnlyList<FieldComparison>> CompareCorrectionAsync(int id, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var n = await db.Notices.AsNoTracking().Include(x => x.Corrections).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (n?.OpenCorrection is not { } open || !MaySee(n, actor, await NoticeActors.LoadAsync(db, actor, clock.GetUtcNow().UtcDateTime, ct))) return [];
        return Compare(n.Content, open.Content, await NamesAsync(db, ct)).Where(f => f.Changed).ToList();
    }

    /// <summary>The correction's privacy findings: its text and the working roster it would publish.</summary>
    public async Task<IReadOnlyList<Privacy.NoticePrivacyFinding>> CorrectionPrivacyFindingsAsync(int id, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var n = await db.Notices.AsNoTracking().Include(x => x.Corrections).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (n?.OpenCorrection is not { } open || !MaySee(n, actor, await NoticeActors.LoadAsync(db, actor, clock.GetUtcNow().UtcDateTime, ct))) return [];
        var roster = await NoticeRosters.CurrentAsync(db, id, preferWorking: true, ct);
        return await privacy.ScanAsync(open.Content, roster?.Roster, ct);
    }

    /// <summary>修订记录 / 对比: two frozen revisions field by field (defaults: the last two).</summary>
    public async Task<RevisionComparison?> CompareRevisionsAsync(int id, int? from, int? to, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var n = await db.Notices.AsNoTracking().Include(x => x.Revisions).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || !MaySee(n, actor, await NoticeActors.LoadAsync(db, actor, clock.GetUtcNow().UtcDateTime, ct)) || n.Revisions.Count == 0) return null;
        var revisions = n.Revisions.OrderBy(r => r.Number).ToList();
        var authors = await db.Users.Where(u => revisions.Select(r => r.AuthorId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var newer = revisions.SingleOrDefault(r => r.Number == to) ?? revisions[^1];
        var older = revisions.SingleOrDefault(r => r.Number == from) ?? revisions[Math.Max(0, revisions.IndexOf(newer) - 1)];
        var names = await NamesAsync(db, ct);
        var rosters = await db.NoticeRosters.AsNoTracking().Where(r => r.NoticeId == id && r.Revision != null)
            .ToDictionaryAsync(r => r.Revision!.Value, r => r.Roster, ct);
        return new RevisionComparison(n.Title,
            revisions.Select(r => new RevisionInfo(r.Number, r.FrozenAtUtc, authors.GetValueOrDefault(r.AuthorId, ""))).ToList(),
            older.Number, newer.Number, Compare(older.Content, newer.Content, names),
            RosterComparison.Compare(rosters.GetValueOrDefault(older.Number), rosters.GetValueOrDefault(newer.Number)));
    }

    /// <param name="correction">The roster of the open correction (the working copy), editable by its drafter.</param>
    public async Task<RosterView?> RosterAsync(int id, Actor actor, bool correction = false, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var n = await db.Notices.AsNoTracking().Include(x => x.Corrections).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || !MaySee(n, actor, await NoticeActors.LoadAsync(db, actor, clock.GetUtcNow().UtcDateTime, ct))) return null;
        var open = correction ? n.OpenCorrection : null;
        var editable = open is not null ? open.IsEditable && open.AuthorId == actor.UserId
            : NoticeWorkflow.IsEditable(n.State) && n.AuthorId == actor.UserId;
        var roster = await NoticeRosters.CurrentAsync(db, id, preferWorking: open is not null || NoticeWorkflow.IsEditable(n.State), ct);
        return roster is null ? null : new RosterView(roster.FileName, roster.Roster, roster.Revision, editable);
    }

    private static async Task<(Dictionary<int, string> Categories, Dictionary<int, string> Offices)> NamesAsync(XiheDbContext db, CancellationToken ct) =>
        (await db.Categories.ToDictionaryAsync(c => c.Id, c => c.Name, ct), await db.Offices.ToDictionaryAsync(o => o.Id, o => o.Name, ct));

    private static List<FieldComparison> Compare(NoticeContent a, NoticeContent b,
        (Dictionary<int, string> Categories, Dictionary<int, string> Offices) names)
    {
        string Channels(NoticeContent c) => string.Join("、", c.Channels.Select(x => CodeLabels.Label(x)));
        string Files(NoticeContent c) => string.Join("\n", c.Attachments.Select(x => x.FileName));
        (string Field, string Old, string New)[] fields =
        [
            ("Title", a.Title, b.Title),
            ("Body", Privacy.HtmlExtractor.ToText(a.BodyHtml), Privacy.HtmlExtractor.ToText(b.BodyHtml)),
            ("Category", names.Categories.GetValueOrDefault(a.CategoryId, ""), names.Categories.GetValueOrDefault(b.CategoryId, "")),
            ("Office", names.Offices.GetValueOrDefault(a.OfficeId, ""), names.Offices.GetValueOrDefault(b.OfficeId, "")),
            ("Channels", Channels(a), Channels(b)),
            ("LegalBasis", a.LegalBasis, b.LegalBasis),
            ("DocumentNumber", a.DocumentNumber ?? "", b.DocumentNumber ?? ""),
            ("Attachments", Files(a), Files(b)),
        ];
        return fields.Select(f => new FieldComparison(f.Field, f.Old, f.New, TextDiff.Characters(f.Old, f.New))).ToList();
    }

    /// <summary>The privacy guard's findings on what the notice would publish now, for someone who may see it.</summary>
    public async Task<IReadOnlyList<Privacy.NoticePrivacyFinding>> PrivacyFindingsAsync(int id, Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var n = await db.Notices.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || !MaySee(n, actor, await NoticeActors.LoadAsync(db, actor, clock.GetUtcNow().UtcDateTime, ct))) return [];
        var roster = await NoticeRosters.CurrentAsync(db, id, preferWorking: NoticeWorkflow.IsEditable(n.State), ct);
        return await privacy.ScanAsync(n.Content, roster?.Roster, ct);
    }

    /// <summary>
    /// An attachment may be opened by whoever may see a notice (any revision of it, or a posting photo) that carries it;
    /// knowing the hash is not enough.
    /// </summary>
    public async Task<bool> MayOpenAttachmentAsync(string sha256, Actor actor, CancellationToken ct = default)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower)) return false;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pattern = $"%\"sha256\":\"{sha256}\"%";
        var ids = await db.Database.SqlQuery<int>(
            // Quoted names: PostgreSQL folds unquoted ones to lower case; SQLite accepts both.
            $"SELECT \"Id\" AS \"Value\" FROM \"Notices\" WHERE \"Attachments\" LIKE {pattern} UNION SELECT \"NoticeId\" AS \"Value\" FROM \"NoticeRevisions\" WHERE \"Content\" LIKE {pattern} UNION SELECT \"NoticeId\" AS \"Value\" FROM \"NoticePostings\" WHERE \"Photo\" LIKE {pattern} UNION SELECT \"NoticeId\" AS \"Value\" FROM \"NoticeCorrections\" WHERE \"Content\" LIKE {pattern}")
            .ToListAsync(ct);
        if (ids.Count == 0) return false;
        var noticeActor = await NoticeActors.LoadAsync(db, actor, clock.GetUtcNow().UtcDateTime, ct);
        var notices = await db.Notices.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync(ct);
        return notices.Any(n => MaySee(n, actor, noticeActor));
    }

    /// <summary>
    /// Drafts are the author's own; once submitted a notice is visible to every reviewer role, the
    /// office head and staff of the same office.
    /// </summary>
    internal static bool MaySee(Notice n, Actor actor, NoticeActor noticeActor)
    {
        if (n.AuthorId == actor.UserId) return true;
        if (n.State == NoticeState.Draft) return false;
        if (actor.IsIn(Roles.DisclosureOfficer) || actor.IsIn(Roles.LeadingGroup) || actor.IsIn(Roles.OfficeHead) || actor.IsIn(Roles.Admin)) return true;
        if (actor.IsIn(Roles.SupervisingLeader) && noticeActor.SupervisedOfficeIds.Contains(n.OfficeId)) return true;
        // 代理审核: a delegate sees what the leaders they stand in for supervise.
        if (noticeActor.Delegators.Any(d => d.IsIn(Roles.SupervisingLeader) && d.SupervisedOfficeIds.Contains(n.OfficeId))) return true;
        return actor.IsIn(Roles.Staff) && actor.OfficeId == n.OfficeId;
    }

    private async Task<List<NoticeListItem>> ListAsync(XiheDbContext db, IQueryable<Notice> query, CancellationToken ct)
    {
        var rows = await (from n in query.AsNoTracking()
                          join c in db.Categories on n.CategoryId equals c.Id
                          join o in db.Offices on n.OfficeId equals o.Id
                          select new
                          {
                              n.Id, n.Title, Office = o.Name, Category = c.Name, n.State, n.Stages, n.StageIndex, n.AuthorName,
                              n.WaitingSinceUtc, n.UpdatedAtUtc, n.Version, n.IndexNumber,
                              LastReason = n.Events.OrderByDescending(e => e.Sequence).Select(e => e.Reason).FirstOrDefault(),
                          }).ToListAsync(ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var calendar = await calendars.GetAsync(ct);
        return rows.Select(r => new NoticeListItem(r.Id, r.Title, r.Office, r.Category, r.State,
            r.State == NoticeState.InReview && r.StageIndex < r.Stages.Count ? r.Stages[r.StageIndex].Role : null,
            r.StageIndex + 1, r.Stages.Count, r.AuthorName, r.WaitingSinceUtc, r.UpdatedAtUtc,
            r.WaitingSinceUtc is { } since ? Math.Max(0, calendar.WorkdaysBetween(ChinaTime.DateOf(since), today)) : 0,
            r.Version, r.LastReason, r.IndexNumber)).ToList();
    }
}
