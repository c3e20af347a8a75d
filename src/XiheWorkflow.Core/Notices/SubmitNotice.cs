using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Privacy;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Notices;

/// <summary>提交审核: freezes a revision and starts the category's workflow from stage 1.</summary>
public class SubmitNotice(NoticeChange change, NoticePrivacyCheck privacy)
{
    /// <param name="AcknowledgePrivacyFindings">
    /// The author has seen the privacy guard's findings and submits anyway; the disclosure officer
    /// then has to give a reason to publish.
    /// </param>
    public record Command(int NoticeId, int? ExpectedVersion, bool AcknowledgePrivacyFindings = false);

    public Task<int> HandleAsync(Command command, Actor actor, CancellationToken ct = default) =>
        change.RunAsync(actor, command.NoticeId, command.ExpectedVersion, "Submit", null, async (db, notice, noticeActor, now) =>
        {
            var draft = ToCommand(notice);
            SaveNoticeDraft.Validate(draft, submitting: true);
            var roster = (await NoticeRosters.CurrentAsync(db, notice.Id, preferWorking: true, ct))?.Roster;
            if (!command.AcknowledgePrivacyFindings && await privacy.ScanAsync(notice.Content, roster, ct) is { Count: > 0 } findings)
                throw new DomainException("Privacy.FindingsOnSubmit", findings.Count);
            var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == notice.CategoryId, ct);
            var template = await db.WorkflowTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == category.WorkflowTemplateId, ct)
                ?? throw new DomainException("Workflow.NoStages");
            notice.Submit(noticeActor, WorkflowTemplate.StagesFor(template, category.IsMajor), now);
            await NoticeRosters.FreezeAsync(db, notice.Id, notice.CurrentRevision, now, ct);
        }, ct);

    private static SaveNoticeDraft.Command ToCommand(Notice n) => new()
    {
        Title = n.Title, BodyHtml = n.BodyHtml, CategoryId = n.CategoryId, OfficeId = n.OfficeId, Kind = n.Kind,
        Channels = n.Channels, Form = n.Form, Origin = n.Origin, LegalBasis = n.LegalBasis,
        DocumentNumber = n.DocumentNumber, FormedOn = n.FormedOn, Attachments = n.Attachments,
    };
}
