using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Privacy;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Notices;

/// <summary>
/// A decision on a notice after submit: 通过 / 退回修改 / 不予发布 at a review stage, 发布 by the
/// disclosure officer, 回收 after publication, decisions on a 更正, 说明, and 定期审查's 继续有效 /
/// 已失效. The aggregate decides whether it is allowed.
/// </summary>
public class DecideNotice(NoticeChange change, IOptions<XiheOptions> options, NoticePrivacyCheck privacy,
    Calendar.CalendarProvider calendars, Publicity.IOpenObjections objections)
{
    public record Command(int NoticeId, int? ExpectedVersion, NoticeAction Action, string? Reason = null,
        DateOnly? MeetingDate = null, string? MinutesReference = null, DateTime? ScheduledAtUtc = null, DateOnly? ExtendTo = null,
        int OpenObjections = 0);

    public Task<int> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        if (command.Action == NoticeAction.Submit) throw new DomainException("Workflow.SubmitNeedsStages");
        return change.RunAsync(actor, command.NoticeId, command.ExpectedVersion, command.Action.ToString(), command.Reason,
            async (db, notice, noticeActor, now) =>
            {
                // The officer answers for the privacy guard when publishing or scheduling; the scheduler only carries that out.
                if (command.Action is NoticeAction.Publish or NoticeAction.Schedule && !actor.IsIn(Roles.System))
                    await CheckPrivacyAsync(db, notice, command.Reason, actor, now, ct);
                // The last approval of a correction publishes it: its reviewer answers for the guard the same way.
                if (command.Action == NoticeAction.ApproveCorrection && notice.OpenCorrection is { } open && open.StageIndex == open.Stages.Count - 1)
                    await CheckCorrectionPrivacyAsync(db, notice, open, command.Reason, actor, now, ct);
                var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == notice.CategoryId, ct);
                var terms = command.Action is NoticeAction.Publish or NoticeAction.Extend or NoticeAction.ApproveCorrection
                    ? await TermsAsync(category, notice, ct) : null;
                // Closing a window and concluding it both read the register, whatever the caller passed.
                var openObjections = command.Action is NoticeAction.Conclude ? await objections.CountAsync(notice.Id, ct) : command.OpenObjections;
                var reason = command.Reason;
                if (command.Action == NoticeAction.Publish && actor.IsIn(Roles.System) && string.IsNullOrWhiteSpace(reason))
                    reason = await ScheduledOverrideReasonAsync(db, notice, ct);
                var revisionBefore = notice.CurrentRevision;
                var correction = notice.OpenCorrection;
                notice.Apply(command.Action, noticeActor, now,
                    new DecisionInput(reason, command.MeetingDate, command.MinutesReference, command.ScheduledAtUtc,
                        command.ExtendTo, openObjections, terms, category.ReviewMonths));
                if (command.Action == NoticeAction.Publish && notice.IndexNumber is null)
                {
                    notice.AssignIndexNumber(await NextIndexNumberAsync(db, now, ct));
                }
                // A published correction freezes the roster it was judged with; a rejected one gives
                // the working copy back the published roster.
                if (notice.CurrentRevision != revisionBefore) await NoticeRosters.FreezeAsync(db, notice.Id, notice.CurrentRevision, now, ct);
                if (command.Action == NoticeAction.RejectCorrection && correction is not null)
                    await NoticeRosters.ResetWorkingAsync(db, notice.Id, now, ct);
            }, ct);
    }

    /// <summary>
    /// Nothing with an unmasked personal number is published by accident: with findings, the
    /// disclosure officer must give a reason (e.g. required by law), which is audited and shown on
    /// the notice's timeline as the reason of the publication.
    /// </summary>
    private async Task CheckPrivacyAsync(Data.XiheDbContext db, Notice notice, string? reason, Actor actor, DateTime now, CancellationToken ct)
    {
        var roster = (await NoticeRosters.CurrentAsync(db, notice.Id, preferWorking: false, ct))?.Roster;
        await RequireReasonForFindingsAsync(db, notice, notice.Content, roster, notice.CurrentRevision, reason, actor, now, ct);
    }

    /// <summary>The same for a correction, with its working roster, judged as the revision it is about to become.</summary>
    private async Task CheckCorrectionPrivacyAsync(Data.XiheDbContext db, Notice notice, NoticeCorrection correction, string? reason, Actor actor,
        DateTime now, CancellationToken ct)
    {
        var roster = (await NoticeRosters.CurrentAsync(db, notice.Id, preferWorking: true, ct))?.Roster;
        await RequireReasonForFindingsAsync(db, notice, correction.Content, roster, notice.CurrentRevision + 1, reason, actor, now, ct);
    }

    private async Task RequireReasonForFindingsAsync(Data.XiheDbContext db, Notice notice, NoticeContent content, Roster? roster, int revision,
        string? reason, Actor actor, DateTime now, CancellationToken ct)
    {
        var findings = await privacy.ScanAsync(content, roster, ct);
        if (findings.Count == 0) return;
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Privacy.FindingsOnPublish", findings.Count);
        db.AuditEntries.Add(new Auditing.AuditEntry(now, actor.UserId, actor.Name, "Notice.PrivacyOverride", "Notice", notice.Id.ToString(),
            revision: revision, reason: reason.Trim(),
            details: string.Join("; ", findings.Select(f => $"{f.Part} {f.FileName} {f.Location} {f.Kind} {f.Masked}".Trim()))));
    }

    /// <summary>
    /// 定时发布: the reason the officer gave for publishing with findings when scheduling this
    /// revision, so the scheduler's 发布 shows it on the timeline as an immediate 发布 would.
    /// </summary>
    private static async Task<string?> ScheduledOverrideReasonAsync(Data.XiheDbContext db, Notice notice, CancellationToken ct)
    {
        var scheduled = notice.Events.Where(e => e.Action == NoticeAction.Schedule).MaxBy(e => e.Sequence);
        if (scheduled is null) return null;
        var id = notice.Id.ToString();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "Notice.PrivacyOverride" && a.EntityType == "Notice" && a.EntityId == id
                        && a.Revision == notice.CurrentRevision && a.AtUtc >= scheduled.AtUtc)
            .OrderByDescending(a => a.Id).Select(a => a.Reason).FirstOrDefaultAsync(ct);
    }

    /// <summary>The category's rule as the author lengthened it, on the calendar as Admin keeps it today.</summary>
    private async Task<Domain.Publicity.PublicityTerms?> TermsAsync(Category category, Notice notice, CancellationToken ct)
    {
        return category.RuleFor(notice.PublicityDays) is { } rule ? new(rule, await calendars.GetAsync(ct)) : null;
    }

    /// <summary>索引号: organisation code, year of publication, sequence within the year.</summary>
    private async Task<string> NextIndexNumberAsync(Data.XiheDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var code = options.Value.OrganizationCode;
        var year = ChinaTime.DateOf(nowUtc).Year;
        return IndexNumbers.Format(code, year, await IndexNumbers.NextSequenceAsync(db, code, year, ct));
    }
}

/// <summary>
/// 领导小组议题: one meeting's decisions recorded for several items at once. Each item is decided on
/// its own, so one that moved on does not stop the others; the result says which.
/// </summary>
public class RecordGroupDecision(DecideNotice decide, NoticeChange change)
{
    public record Item(int NoticeId, int ExpectedVersion);

    public record Command(IReadOnlyList<Item> Items, DateOnly? MeetingDate, string? MinutesReference);

    public record Outcome(int NoticeId, bool Succeeded, string? ErrorCode, object[] ErrorArgs);

    public async Task<IReadOnlyList<Outcome>> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        // Refused before any item is decided, and audited against each item like any other refusal.
        var ids = command.Items.Select(i => i.NoticeId).Distinct().ToList();
        if (!actor.IsIn(Roles.LeadingGroup))
            await change.RefuseAsync(actor, ids, nameof(NoticeAction.Approve), new DomainException("Auth.RoleRequired", Roles.Label(Roles.LeadingGroup)), ct);
        if (command.MeetingDate is null || string.IsNullOrWhiteSpace(command.MinutesReference))
            await change.RefuseAsync(actor, ids, nameof(NoticeAction.Approve), new DomainException("Workflow.MeetingRequired"), ct);
        var outcomes = new List<Outcome>();
        foreach (var item in command.Items)
        {
            try
            {
                await decide.HandleAsync(new DecideNotice.Command(item.NoticeId, item.ExpectedVersion, NoticeAction.Approve,
                    null, command.MeetingDate, command.MinutesReference), actor, ct);
                outcomes.Add(new Outcome(item.NoticeId, true, null, []));
            }
            catch (DomainException e)
            {
                outcomes.Add(new Outcome(item.NoticeId, false, e.Code, e.Args));
            }
        }
        return outcomes;
    }
}
