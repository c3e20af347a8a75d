using FluentValidation;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Privacy;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Notices;

/// <summary>
/// 更正 drafting: the author of a published notice (or the disclosure officer) writes the corrected
/// text and its 更正说明. The published revision stays public until the correction is approved.
/// </summary>
public class SaveCorrection(NoticeChange change)
{
    public class Command
    {
        public int NoticeId { get; set; }
        public int? ExpectedVersion { get; set; }
        public string Title { get; set; } = "";
        public string BodyHtml { get; set; } = "";
        public string LegalBasis { get; set; } = "";
        public string? DocumentNumber { get; set; }
        public List<Channel> Channels { get; set; } = [];
        public List<AttachmentRef> Attachments { get; set; } = [];
        /// <summary>更正说明: what was wrong and what changed.</summary>
        public string Note { get; set; } = "";
        /// <summary>实质性更正: during publicity it restarts the window.</summary>
        public bool Material { get; set; }
    }

    /// <summary>One validator for the form and the server; submitting adds the note and the basis.</summary>
    public class Validator : AbstractValidator<Command>
    {
        public const string SubmitRules = "Submit";

        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().WithErrorCode("Notice.TitleRequired")
                .MaximumLength(200).WithErrorCode("Notice.TitleTooLong");
            RuleFor(c => c.BodyHtml).MaximumLength(500_000).WithErrorCode("Notice.BodyTooLong");
            RuleFor(c => c.LegalBasis).MaximumLength(2000).WithErrorCode("Notice.LegalBasisTooLong");
            RuleFor(c => c.DocumentNumber).MaximumLength(100).WithErrorCode("Notice.DocumentNumberTooLong");
            RuleFor(c => c.Attachments.Count).LessThanOrEqualTo(20).WithErrorCode("Notice.TooManyAttachments");
            RuleFor(c => c.Note).MaximumLength(1000).WithErrorCode("Correction.NoteTooLong");
            RuleSet(SubmitRules, () =>
            {
                RuleFor(c => c.Note).NotEmpty().WithErrorCode("Correction.NoteRequired");
                RuleFor(c => c.LegalBasis).NotEmpty().WithErrorCode("Notice.LegalBasisRequired");
                RuleFor(c => c.Channels).NotEmpty().WithErrorCode("Notice.ChannelRequired");
                RuleFor(c => c.BodyHtml).NotEmpty().WithErrorCode("Notice.BodyRequired");
            });
        }
    }

    public Task<int> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        Validate(command, submitting: false);
        return change.RunAsync(actor, command.NoticeId, command.ExpectedVersion, "CorrectionSaved", command.Note,
            (_, notice, noticeActor, now) =>
            {
                var content = notice.Content with
                {
                    Title = command.Title.Trim(),
                    BodyHtml = BodySanitizer.Sanitize(command.BodyHtml),
                    LegalBasis = command.LegalBasis.Trim(),
                    DocumentNumber = string.IsNullOrWhiteSpace(command.DocumentNumber) ? null : command.DocumentNumber.Trim(),
                    Channels = command.Channels.Count > 0 ? [.. command.Channels] : notice.Channels,
                    Attachments = [.. command.Attachments],
                };
                notice.SaveCorrection(content, command.Note, command.Material, noticeActor, now);
                return Task.CompletedTask;
            }, ct);
    }

    public static void Validate(Command command, bool submitting)
    {
        var result = new Validator().Validate(command, o =>
        {
            if (submitting) o.IncludeRuleSets("default", Validator.SubmitRules);
        });
        if (!result.IsValid) throw new DomainException(result.Errors[0].ErrorCode);
    }
}

/// <summary>
/// 提交更正: the open correction goes to the correction workflow (更正审核流程). It must change
/// something, and it passes the privacy guard like any text that is about to be published: with
/// findings it is refused until the author masks them or confirms (a photo or a scan is always a
/// finding — it cannot be read — and must not make a notice impossible to correct); the reviewer
/// who publishes it then gives the reason, as the officer does when publishing a notice.
/// </summary>
public class SubmitCorrection(NoticeChange change, NoticePrivacyCheck privacy)
{
    public record Command(int NoticeId, int? ExpectedVersion, bool AcknowledgePrivacyFindings = false);

    public Task<int> HandleAsync(Command command, Actor actor, CancellationToken ct = default) =>
        change.RunAsync(actor, command.NoticeId, command.ExpectedVersion, "CorrectionSubmitted", null, async (db, notice, noticeActor, now) =>
        {
            var correction = notice.OpenCorrection ?? throw new DomainException("Correction.None");
            var rosters = await db.NoticeRosters.AsNoTracking().Where(r => r.NoticeId == notice.Id).ToListAsync(ct);
            var working = rosters.SingleOrDefault(r => r.Revision == null)?.Roster;
            var published = rosters.Where(r => r.Revision != null).OrderByDescending(r => r.Revision).FirstOrDefault()?.Roster;
            if (correction.Content == notice.Content && RosterJson(working) == RosterJson(published))
                throw new DomainException("Correction.NoChange");
            if (!command.AcknowledgePrivacyFindings && await privacy.ScanAsync(correction.Content, working, ct) is { Count: > 0 } findings)
                throw new DomainException("Privacy.FindingsOnSubmit", findings.Count);
            var template = await db.WorkflowTemplates.AsNoTracking()
                .SingleOrDefaultAsync(t => t.Name == ReferenceData.CorrectionWorkflow, ct)
                ?? throw new DomainException("Workflow.NoStages");
            notice.Apply(NoticeAction.SubmitCorrection, noticeActor, now, new DecisionInput(CorrectionStages: template.Stages));
        }, ct);

    private static string RosterJson(Roster? roster) =>
        roster is null ? "" : System.Text.Json.JsonSerializer.Serialize(roster, JsonColumn.Options);
}

/// <summary>A correction as the notice page shows it.</summary>
public record CorrectionView(int Number, CorrectionStatus Status, string Note, bool Material, NoticeContent Content,
    string AuthorId, string AuthorName, DateTime UpdatedAtUtc, DateTime? SubmittedAtUtc, string? StageRole, int StageNumber,
    int StageCount, string? LastDecisionReason, int? Revision, DateTime? PublishedAtUtc, bool WindowRestarted)
{
    public static CorrectionView From(NoticeCorrection c) => new(c.Number, c.Status, c.Note, c.Material, c.Content, c.AuthorId,
        c.AuthorName, c.UpdatedAtUtc, c.SubmittedAtUtc, c.CurrentStage?.Role, c.StageIndex + 1, c.Stages.Count, c.LastDecisionReason,
        c.Revision, c.PublishedAtUtc, c.WindowRestarted);
}

/// <summary>A clarification as the notice page and the public see it.</summary>
public record ClarificationView(DateTime AtUtc, string Text, string ActorName);
