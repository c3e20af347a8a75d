using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Domain.Notices;

/// <summary>
/// A 公开事项. Its state changes only through <see cref="Apply"/> (and <see cref="Submit"/>), which
/// consults <see cref="NoticeWorkflow.Table"/>, checks every guard, and records who, when, from → to,
/// which revision and why. An illegal call throws; nothing silently does nothing.
/// </summary>
public class Notice
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public string BodyHtml { get; private set; } = "";
    public int CategoryId { get; private set; }
    public int OfficeId { get; private set; }
    public NoticeKind Kind { get; private set; }
    public List<Channel> Channels { get; private set; } = [];
    public ContentForm Form { get; private set; }
    public ContentOrigin Origin { get; private set; }
    public string LegalBasis { get; private set; } = "";
    public string? DocumentNumber { get; private set; }
    public DateOnly? FormedOn { get; private set; }
    public List<AttachmentRef> Attachments { get; private set; } = [];

    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public NoticeState State { get; private set; }
    /// <summary>Stages copied from the workflow template at submit.</summary>
    public List<WorkflowStage> Stages { get; private set; } = [];
    /// <summary>0-based index into <see cref="Stages"/> while in review.</summary>
    public int StageIndex { get; private set; }
    /// <summary>Number of the latest frozen revision (0 before the first submit).</summary>
    public int CurrentRevision { get; private set; }
    public string? IndexNumber { get; private set; }
    public bool IsImported { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    /// <summary>When the notice reached the stage (or state) it waits in now.</summary>
    public DateTime? WaitingSinceUtc { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }
    public int Version { get; private set; }

    /// <summary>定时发布: when the scheduler publishes this approved notice (null: the officer publishes by hand).</summary>
    public DateTime? ScheduledAtUtc { get; private set; }
    public int? PublicityDays { get; private set; }
    public DateOnly? PublicityFrom { get; private set; }
    public DateOnly? PublicityTo { get; private set; }
    /// <summary>24:00 Shanghai of <see cref="PublicityTo"/>: the sweeper closes the window from this instant on.</summary>
    public DateTime? PublicityEndsAtUtc { get; private set; }
    public int? PublicityPeriod { get; private set; }
    public PeriodUnit? PublicityUnit { get; private set; }
    public bool PublicityDayCounts { get; private set; }
    public bool PublicityMovesEnd { get; private set; }
    /// <summary>Some day of the window lies in a year the calendar does not know: counted on weekends only.</summary>
    public bool PublicityProvisional { get; private set; }
    public PublicityOutcome? PublicityOutcome { get; private set; }
    /// <summary>重新公示: when a material correction restarted the window (the window counts from here).</summary>
    public DateTime? RepublishedAtUtc { get; private set; }
    /// <summary>定期审查: the day the notice is due for its periodic review (null: none).</summary>
    public DateOnly? ReviewDueOn { get; private set; }

    public const int MaxReasonLength = 2000;

    public List<NoticeCorrection> Corrections { get; private set; } = [];
    public List<NoticeClarification> Clarifications { get; private set; } = [];

    public List<NoticeRevision> Revisions { get; private set; } = [];
    public List<NoticeEvent> Events { get; private set; } = [];

    private Notice() { }

    public static Notice Draft(NoticeContent content, NoticeActor author, DateTime nowUtc)
    {
        if (!author.IsIn(Roles.Staff)) throw new DomainException("Auth.RoleRequired", Roles.Label(Roles.Staff));
        var notice = new Notice
        {
            AuthorId = author.UserId,
            AuthorName = author.Name,
            State = NoticeState.Draft,
            CreatedAtUtc = nowUtc,
        };
        notice.SetContent(content, nowUtc);
        return notice;
    }

    public NoticeContent Content => new()
    {
        Title = Title, BodyHtml = BodyHtml, CategoryId = CategoryId, OfficeId = OfficeId, Kind = Kind,
        Channels = [.. Channels], Form = Form, Origin = Origin, LegalBasis = LegalBasis,
        DocumentNumber = DocumentNumber, FormedOn = FormedOn, Attachments = [.. Attachments], PublicityDays = PublicityDays,
    };

    /// <summary>The window as computed at publication (and lengthened since), or null when none was opened.</summary>
    public PublicityWindow? Window => PublicityFrom is { } from && (RepublishedAtUtc ?? PublishedAtUtc) is { } at
        ? new PublicityWindow(at, new PublicityRule(PublicityPeriod!.Value, PublicityUnit!.Value, PublicityDayCounts, PublicityMovesEnd),
            from, PublicityTo!.Value, PublicityEndsAtUtc!.Value)
        : null;

    public WorkflowStage? CurrentStage => State == NoticeState.InReview && StageIndex < Stages.Count ? Stages[StageIndex] : null;

    public NoticeRevision? LatestRevision => Revisions.OrderByDescending(r => r.Number).FirstOrDefault();

    /// <summary>
    /// The revision the public sees now — on the public pages (which read the notice's own text), the
    /// API and every channel: none before publication or once withdrawn or expired; otherwise the
    /// current one. A published notice's text changes only when a 更正 is approved, which freezes the
    /// corrected text as the next revision, so the current revision is the latest approved one,
    /// approved corrections included; a correction still being drafted or reviewed has no revision.
    /// Needs <see cref="Revisions"/> loaded.
    /// </summary>
    public NoticeRevision? PublicRevision => NoticeWorkflow.IsPublic(State) && PublishedAtUtc is not null
        ? Revisions.SingleOrDefault(r => r.Number == CurrentRevision)
        : null;

    /// <summary>The correction being drafted or reviewed, if any (at most one at a time).</summary>
    public NoticeCorrection? OpenCorrection => Corrections.Where(c => c.IsOpen).OrderByDescending(c => c.Number).FirstOrDefault();

    /// <summary>
    /// 更正 drafting: starts a correction of the published text, or edits the one this person has
    /// open. Category, office, kind and 公示期 stay as published; the text, basis, number, channels
    /// and attachments may change.
    /// </summary>
    public NoticeCorrection SaveCorrection(NoticeContent content, string note, bool material, NoticeActor actor, DateTime nowUtc)
    {
        if (Refusal(NoticeAction.SubmitCorrection, actor) is { } refusal) throw refusal;
        var corrected = content with { CategoryId = CategoryId, OfficeId = OfficeId, Kind = Kind, PublicityDays = PublicityDays };
        var open = OpenCorrection;
        if (open is null)
        {
            open = new NoticeCorrection(Corrections.Count + 1, corrected, note ?? "", material, actor, nowUtc);
            Corrections.Add(open);
        }
        else
        {
            open.Edit(corrected, note ?? "", material, nowUtc);
        }
        UpdatedAtUtc = nowUtc;
        Version++;
        return open;
    }

    /// <summary>Saves the author's edits; only the author, only while a draft or returned.</summary>
    public void Edit(NoticeContent content, NoticeActor actor, DateTime nowUtc)
    {
        if (!NoticeWorkflow.IsEditable(State)) throw new DomainException("Notice.NotEditable", StateLabel(State));
        if (actor.UserId != AuthorId) throw new DomainException("Workflow.OnlyAuthor");
        SetContent(content, nowUtc);
        Version++;
    }

    private void SetContent(NoticeContent c, DateTime nowUtc)
    {
        Title = c.Title.Trim();
        BodyHtml = c.BodyHtml;
        CategoryId = c.CategoryId;
        OfficeId = c.OfficeId;
        Kind = c.Kind;
        Channels = c.Channels.Distinct().ToList();
        Form = c.Form;
        Origin = c.Origin;
        LegalBasis = c.LegalBasis.Trim();
        DocumentNumber = string.IsNullOrWhiteSpace(c.DocumentNumber) ? null : c.DocumentNumber.Trim();
        FormedOn = c.FormedOn;
        Attachments = [.. c.Attachments];
        PublicityDays = c.PublicityDays;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Freezes a new revision and starts the workflow from stage 1 with the given stages.</summary>
    public void Submit(NoticeActor actor, IReadOnlyList<WorkflowStage> stages, DateTime nowUtc)
    {
        if (stages.Count == 0) throw new DomainException("Workflow.NoStages");
        Check(NoticeAction.Submit, actor, new DecisionInput());
        if (string.IsNullOrWhiteSpace(Title)) throw new DomainException("Notice.TitleRequired");
        if (string.IsNullOrWhiteSpace(LegalBasis)) throw new DomainException("Notice.LegalBasisRequired");

        var from = State;
        CurrentRevision++;
        Revisions.Add(new NoticeRevision(CurrentRevision, Content, nowUtc, actor.UserId));
        Stages = [.. stages];
        StageIndex = 0;
        State = NoticeState.InReview;
        Record(nowUtc, actor, NoticeAction.Submit, from, null, new DecisionInput());
    }

    /// <summary>Applies a decision or an action after review (approve, return, reject, publish, withdraw).</summary>
    public void Apply(NoticeAction action, NoticeActor actor, DateTime nowUtc, DecisionInput? input = null)
    {
        input ??= new DecisionInput();
        if (action == NoticeAction.Submit) throw new DomainException("Workflow.SubmitNeedsStages");
        Check(action, actor, input);
        var onBehalfOf = OnBehalfOf(action, actor);

        var from = State;
        var stage = State == NoticeState.InReview ? StageIndex : (int?)null;
        switch (action)
        {
            case NoticeAction.Approve:
                if (StageIndex < Stages.Count - 1) StageIndex++;
                else State = NoticeState.Approved;
                break;
            case NoticeAction.Publish:
                Publish(actor, nowUtc, input.Publicity, input.ReviewMonths);
                break;
            case NoticeAction.Schedule:
                if (input.ScheduledAtUtc!.Value <= nowUtc) throw new DomainException("Publicity.ScheduleInPast");
                ScheduledAtUtc = DateTime.SpecifyKind(input.ScheduledAtUtc.Value, DateTimeKind.Utc);
                // The officer's own words (a privacy-override reason) stay on the timeline after the date.
                var when = $"定于{ChinaTime.ChineseDate(ChinaTime.DateOf(ScheduledAtUtc.Value))} {TimeOfDay(ScheduledAtUtc.Value)}发布";
                input = input with { Reason = string.IsNullOrWhiteSpace(input.Reason) ? when : $"{when}；{input.Reason.Trim()}" };
                break;
            case NoticeAction.CloseWindow:
                if (nowUtc < PublicityEndsAtUtc!.Value) throw new DomainException("Publicity.WindowStillOpen", ChinaTime.ChineseDate(PublicityTo!.Value));
                PublicityOutcome = input.OpenObjections > 0 ? Notices.PublicityOutcome.Objection : Notices.PublicityOutcome.NoObjection;
                State = NoticeState.PublicityEnded;
                input = input with { Reason = CodeLabels.Label(PublicityOutcome.Value) };
                break;
            case NoticeAction.SubmitCorrection:
                SubmitCorrection(actor, input.CorrectionStages ?? [], nowUtc);
                input = input with { Reason = OpenCorrection!.Note };
                break;
            case NoticeAction.ApproveCorrection:
            case NoticeAction.ReturnCorrection:
            case NoticeAction.RejectCorrection:
                input = DecideCorrection(action, actor, nowUtc, input, onBehalfOf);
                break;
            case NoticeAction.Clarify:
                Clarifications.Add(new NoticeClarification(input.Reason!, actor, nowUtc));
                break;
            case NoticeAction.Renew:
                ReviewDueOn = input.ReviewMonths > 0 ? ChinaTime.DateOf(nowUtc).AddMonths(input.ReviewMonths) : null;
                input = input with
                {
                    Reason = ReviewDueOn is { } next ? $"下次审查：{ChinaTime.ChineseDate(next)}" : input.Reason,
                };
                break;
            case NoticeAction.Extend:
                var longer = Window!.LengthenTo(input.ExtendTo!.Value);
                PublicityTo = longer.To;
                PublicityEndsAtUtc = longer.EndsAtUtc;
                PublicityProvisional |= input.Publicity?.Calendar.IsProvisional(longer.From, longer.To) == true;
                input = input with { Reason = $"{input.Reason!.Trim()}（{longer.Format()}）" };
                break;
            default:
                State = NoticeWorkflow.Find(from, action)!.To;
                break;
        }
        Record(nowUtc, actor, action, from, stage, input, onBehalfOf);
    }

    private void Publish(NoticeActor actor, DateTime nowUtc, PublicityTerms? terms, int reviewMonths)
    {
        if (!actor.IsIn(Roles.DisclosureOfficer) && (ScheduledAtUtc is not { } due || due > nowUtc))
            throw new DomainException("Publicity.NotDue");
        PublishedAtUtc = nowUtc;
        if (Kind != NoticeKind.Publicity)
        {
            State = NoticeState.Published;
            ReviewDueOn = reviewMonths > 0 ? ChinaTime.DateOf(nowUtc).AddMonths(reviewMonths) : null;
            return;
        }
        OpenWindow(nowUtc, terms!);
        State = NoticeState.InPublicity;
    }

    private void OpenWindow(DateTime nowUtc, PublicityTerms terms)
    {
        var window = PublicityWindow.Compute(nowUtc, terms.Rule, terms.Calendar);
        PublicityFrom = window.From;
        PublicityTo = window.To;
        PublicityEndsAtUtc = window.EndsAtUtc;
        PublicityPeriod = window.Rule.Period;
        PublicityUnit = window.Rule.Unit;
        PublicityDayCounts = window.Rule.PublicationDayCounts;
        PublicityMovesEnd = window.Rule.MoveEndOffHoliday;
        PublicityProvisional = terms.Calendar.IsProvisional(window.From, window.To);
    }

    /// <summary>What <see cref="RecomputeWindow"/> changed: the last day and the provisional flag, before and after.</summary>
    public sealed record WindowChange(DateOnly OldTo, DateOnly NewTo, bool WasProvisional, bool IsProvisional);

    /// <summary>
    /// 公示期重算 after Admin saved a year's holiday arrangement: an open window is counted again
    /// from its publication under its own rule on <paramref name="calendar"/>. A window is never
    /// shortened — its dates were announced, and a longer 公示 is always allowed — and a window the
    /// officer extended (延长公示) keeps the day the officer chose; both only lose the provisional
    /// flag once no day of theirs lies in an unknown year. Returns null when nothing changed (and
    /// records nothing); else records the change on the timeline.
    /// </summary>
    public WindowChange? RecomputeWindow(Calendar.WorkingCalendar calendar, NoticeActor actor, DateTime nowUtc, string source)
    {
        if (State != NoticeState.InPublicity || Window is not { } window || nowUtc >= window.EndsAtUtc) return null;
        var opened = RepublishedAtUtc ?? PublishedAtUtc!.Value;
        var extended = Events.Any(e => e.Action == NoticeAction.Extend && e.AtUtc >= opened);
        var counted = extended ? window : PublicityWindow.Compute(window.PublishedAtUtc, window.Rule, calendar);
        var next = counted.To > window.To ? counted : window;
        var provisional = calendar.IsProvisional(next.From, next.To);
        if (next.To == window.To && provisional == PublicityProvisional) return null;

        var change = new WindowChange(window.To, next.To, PublicityProvisional, provisional);
        PublicityFrom = next.From;
        PublicityTo = next.To;
        PublicityEndsAtUtc = next.EndsAtUtc;
        PublicityProvisional = provisional;
        var what = change.NewTo != change.OldTo
            ? $"公示期延至{ChinaTime.ChineseDate(change.NewTo)}（原至{ChinaTime.ChineseDate(change.OldTo)}）"
            : $"公示期不变";
        var how = provisional ? "，仍有日期按双休日推算" : change.WasProvisional ? "，不再按双休日推算" : "";
        Record(nowUtc, actor, NoticeAction.RecomputeWindow, State, null,
            new DecisionInput($"按{source}重新计算：{what}{how}（{PublicityWindow.Format(next.From, next.To)}）"));
        return change;
    }

    private void SubmitCorrection(NoticeActor actor, IReadOnlyList<WorkflowStage> workflow, DateTime nowUtc)
    {
        var correction = OpenCorrection!;
        if (workflow.Count == 0) throw new DomainException("Workflow.NoStages");
        if (string.IsNullOrWhiteSpace(correction.Content.Title)) throw new DomainException("Notice.TitleRequired");
        if (string.IsNullOrWhiteSpace(correction.Content.LegalBasis)) throw new DomainException("Notice.LegalBasisRequired");
        // Nobody approves their own change: a stage whose role the author holds falls to the
        // supervising leader of the originating office (the disclosure officer correcting their own notice).
        var stages = workflow.Select(s => actor.IsIn(s.Role) && s.Role != Roles.SupervisingLeader ? WorkflowStage.SupervisingLeader : s)
            .Distinct().ToList();
        correction.Submit(stages, nowUtc);
    }

    private DecisionInput DecideCorrection(NoticeAction action, NoticeActor actor, DateTime nowUtc, DecisionInput input, NoticeActor? onBehalfOf)
    {
        var correction = OpenCorrection!;
        switch (action)
        {
            case NoticeAction.ReturnCorrection:
                correction.Return(input.Reason!, nowUtc);
                return input;
            case NoticeAction.RejectCorrection:
                correction.Reject(input.Reason!, nowUtc);
                return input;
        }
        if (!correction.Approve(actor, nowUtc, onBehalfOf)) return input;

        SetContent(correction.Content, nowUtc);
        CurrentRevision++;
        Revisions.Add(new NoticeRevision(CurrentRevision, Content, nowUtc, correction.AuthorId));
        // A material correction during publicity is published as 重新公示: the window starts again.
        var restart = correction.Material && State == NoticeState.InPublicity && Kind == NoticeKind.Publicity;
        if (restart)
        {
            RepublishedAtUtc = nowUtc;
            PublicityOutcome = null;
            OpenWindow(nowUtc, input.Publicity!);
        }
        correction.Publish(CurrentRevision, restart, nowUtc);
        var note = restart
            ? $"{correction.Note}（重新公示，公示期：{ChinaTime.ChineseDate(PublicityFrom!.Value)}至{ChinaTime.ChineseDate(PublicityTo!.Value)}）"
            : correction.Note;
        return input with { Reason = note };
    }

    private static string TimeOfDay(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, ChinaTime.Zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public void AssignIndexNumber(string indexNumber)
    {
        if (IndexNumber is not null) throw new DomainException("Notice.IndexNumberAssigned", IndexNumber);
        IndexNumber = indexNumber;
    }

    /// <summary>The actions this person may take now; the UI shows exactly these buttons.</summary>
    public IReadOnlyList<NoticeAction> AvailableActions(NoticeActor actor) =>
        NoticeWorkflow.Table.Where(t => t.From == State).Select(t => t.Action).Distinct()
            .Where(a => Refusal(a, actor) is null).ToList();

    public bool CurrentStageNeedsMeeting => CurrentStage?.IsLeadingGroup == true;

    /// <summary>Why this person may not take the action now (null when they may), for pages that explain a missing button.</summary>
    public DomainException? RefusalOf(NoticeAction action, NoticeActor actor) => Refusal(action, actor);

    /// <summary>Throws the reason an action is refused, if it is.</summary>
    public void Check(NoticeAction action, NoticeActor actor, DecisionInput input)
    {
        if (Refusal(action, actor) is { } refusal) throw refusal;
        if (NoticeWorkflow.NeedsReason(action) && string.IsNullOrWhiteSpace(input.Reason))
            throw new DomainException("Workflow.ReasonRequired");
        // Reasons, clarifications and notes are stored (and shown) whole: bounded like every text column.
        if (input.Reason is { Length: > MaxReasonLength }) throw new DomainException("Workflow.ReasonTooLong", MaxReasonLength);
        if (action == NoticeAction.Approve && CurrentStageNeedsMeeting
            && (input.MeetingDate is null || string.IsNullOrWhiteSpace(input.MinutesReference)))
            throw new DomainException("Workflow.MeetingRequired");
        if (action == NoticeAction.Publish && Kind == NoticeKind.Publicity && input.Publicity is null)
            throw new DomainException("Publicity.RuleRequired");
        if (action == NoticeAction.Schedule && input.ScheduledAtUtc is null) throw new DomainException("Publicity.ScheduleRequired");
        if (action == NoticeAction.Extend && input.ExtendTo is null) throw new DomainException("Publicity.ExtendToRequired");
        // 更正说明 and 说明 are published as typed: no unmasked personal number may be in them.
        if (action == NoticeAction.Clarify) RefuseUnmaskedNumbers(input.Reason!);
        if (action == NoticeAction.SubmitCorrection)
        {
            var open = OpenCorrection ?? throw new DomainException("Correction.None");
            if (string.IsNullOrWhiteSpace(open.Note)) throw new DomainException("Correction.NoteRequired");
            RefuseUnmaskedNumbers(open.Note);
        }
        if (action == NoticeAction.ApproveCorrection && OpenCorrection is { Material: true } c && c.StageIndex == c.Stages.Count - 1
            && State == NoticeState.InPublicity && Kind == NoticeKind.Publicity && input.Publicity is null)
            throw new DomainException("Publicity.RuleRequired");
        // 办结 answers the objections: none may still be waiting for an answer.
        if (action == NoticeAction.Conclude && input.OpenObjections > 0) throw new DomainException("Publicity.ObjectionsOpen", input.OpenObjections);
    }

    private DomainException? Refusal(NoticeAction action, NoticeActor actor)
    {
        var transition = NoticeWorkflow.Find(State, action);
        if (transition is null) return new DomainException("Workflow.NotAllowedInState", StateLabel(State), ActionLabel(action));

        switch (transition.Who)
        {
            case NoticeWorkflow.Who.Author:
                if (actor.UserId != AuthorId) return new DomainException("Workflow.OnlyAuthor");
                if (!transition.Roles.Any(actor.IsIn)) return new DomainException("Auth.RoleRequired", RolesLabel(transition.Roles));
                return null;
            case NoticeWorkflow.Who.CurrentStage:
                return ResolveStage(CurrentStage!, AuthorId, ActedEarlierInThisRound, actor).Refusal;
            case NoticeWorkflow.Who.AuthorOrRoles:
                if (!(actor.UserId == AuthorId && actor.IsIn(Roles.Staff)) && !transition.Roles.Any(actor.IsIn))
                    return new DomainException("Correction.AuthorOrOfficer");
                if (OpenCorrection is { } open)
                {
                    if (!open.IsEditable) return new DomainException("Correction.InReview");
                    if (open.AuthorId != actor.UserId) return new DomainException("Correction.OpenByOther", open.AuthorName);
                }
                return null;
            case NoticeWorkflow.Who.CorrectionStage:
                if (OpenCorrection is not { Status: CorrectionStatus.InReview } correction) return new DomainException("Correction.NotInReview");
                return ResolveStage(correction.CurrentStage!, correction.AuthorId, correction.DeciderIds.Contains, actor).Refusal;
            default:
                if (!transition.Roles.Any(actor.IsIn)) return new DomainException("Auth.RoleRequired", RolesLabel(transition.Roles));
                if (action == NoticeAction.Conclude && PublicityOutcome != Notices.PublicityOutcome.Objection)
                    return new DomainException("Publicity.ConcludeNeedsObjection");
                if (action is NoticeAction.CloseWindow or NoticeAction.Extend && PublicityEndsAtUtc is null)
                    return new DomainException("Publicity.NoWindow");
                return null;
        }
    }

    private static void RefuseUnmaskedNumbers(string text)
    {
        var findings = Privacy.PrivacyScanner.Scan(text);
        if (findings.Count > 0) throw new DomainException("Privacy.FindingsInNote", Privacy.PrivacyMasker.Apply(text, findings));
    }

    /// <summary>
    /// One person may not decide two stages of the same review round (since the last submit); a
    /// decision on someone's behalf (代理审核) counts for both the delegate and the delegator.
    /// </summary>
    private bool ActedEarlierInThisRound(string userId)
    {
        foreach (var e in Events.OrderByDescending(e => e.Sequence))
        {
            if (e.Action == NoticeAction.Submit) return false;
            if (e.Action == NoticeAction.Approve && (e.ActorId == userId || e.OnBehalfOfId == userId)) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether this person may decide the stage, and for whom: themselves when they may in their own
    /// right, else the first delegator (代理审核) whose stage it is. Acting for someone, every guard
    /// holds for both: the stage's role, neither is the author, the supervisor scope is the
    /// delegator's, and neither has decided another stage of the round.
    /// </summary>
    private (NoticeActor? OnBehalfOf, DomainException? Refusal) ResolveStage(WorkflowStage stage, string authorId,
        Func<string, bool> hasDecided, NoticeActor actor)
    {
        var own = StageRefusal(stage, authorId, hasDecided, actor, null);
        if (own is null) return (null, null);
        DomainException? delegated = null;
        foreach (var delegator in actor.Delegators.Where(d => d.IsIn(stage.Role)))
        {
            delegated = StageRefusal(stage, authorId, hasDecided, actor, delegator);
            if (delegated is null) return (delegator, null);
        }
        // Standing in for someone, the reason that matters is why the stand-in was refused.
        return (null, delegated ?? own);
    }

    private DomainException? StageRefusal(WorkflowStage stage, string authorId, Func<string, bool> hasDecided, NoticeActor actor,
        NoticeActor? onBehalfOf)
    {
        if (!actor.IsIn(stage.Role) || onBehalfOf?.IsIn(stage.Role) == false)
            return new DomainException("Workflow.WrongStageRole", Roles.Label(stage.Role));
        if (actor.UserId == authorId || onBehalfOf?.UserId == authorId) return new DomainException("Workflow.AuthorCannotReview");
        if (stage.ScopedToSupervisors && !(onBehalfOf ?? actor).SupervisedOfficeIds.Contains(OfficeId))
            return new DomainException("Workflow.NotSupervisor");
        if (hasDecided(actor.UserId) || onBehalfOf is not null && hasDecided(onBehalfOf.UserId))
            return new DomainException("Workflow.AlreadyActedAtStage");
        return null;
    }

    /// <summary>
    /// 代理审核: the reviewer a stage decision by this person would be taken on behalf of (null when
    /// they would decide in their own right, or may not decide at all).
    /// </summary>
    public NoticeActor? OnBehalfOf(NoticeAction action, NoticeActor actor)
    {
        if (Refusal(action, actor) is not null) return null;
        var who = NoticeWorkflow.Find(State, action)!.Who;
        if (who == NoticeWorkflow.Who.CurrentStage) return ResolveStage(CurrentStage!, AuthorId, ActedEarlierInThisRound, actor).OnBehalfOf;
        if (who == NoticeWorkflow.Who.CorrectionStage && OpenCorrection is { } c)
            return ResolveStage(c.CurrentStage!, c.AuthorId, c.DeciderIds.Contains, actor).OnBehalfOf;
        return null;
    }

    private void Record(DateTime nowUtc, NoticeActor actor, NoticeAction action, NoticeState from, int? stage, DecisionInput input,
        NoticeActor? onBehalfOf = null)
    {
        Events.Add(new NoticeEvent(Events.Count + 1, nowUtc, actor, action, from, State, stage + 1, stage is { } s ? Stages[s].Role : null,
            CurrentRevision == 0 ? null : CurrentRevision, input, onBehalfOf));
        WaitingSinceUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    private static string StateLabel(NoticeState s) => CodeLabels.Label(s);
    private static string ActionLabel(NoticeAction a) => CodeLabels.Label(a);
    private static string RolesLabel(IEnumerable<string> roles) => string.Join("/", roles.Select(Roles.Label));
}
