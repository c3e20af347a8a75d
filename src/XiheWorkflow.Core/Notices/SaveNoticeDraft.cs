using FluentValidation;
using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Notices;

/// <summary>新建公开事项 / 保存草稿: creates a draft or saves the author's edits to one.</summary>
public class SaveNoticeDraft(IDbContextFactory<XiheDbContext> contexts, NoticeChange change, TimeProvider clock)
{
    public class Command
    {
        public int? NoticeId { get; set; }
        public int? ExpectedVersion { get; set; }
        public string Title { get; set; } = "";
        public string BodyHtml { get; set; } = "";
        public int? CategoryId { get; set; }
        public int? OfficeId { get; set; }
        public NoticeKind? Kind { get; set; }
        public List<Channel> Channels { get; set; } = [];
        public ContentForm Form { get; set; } = ContentForm.Text;
        public ContentOrigin Origin { get; set; } = ContentOrigin.SelfEdited;
        public string LegalBasis { get; set; } = "";
        public string? DocumentNumber { get; set; }
        public DateOnly? FormedOn { get; set; }
        public List<AttachmentRef> Attachments { get; set; } = [];
        /// <summary>A longer 公示期 than the category's, in its unit; null keeps the category's.</summary>
        public int? PublicityDays { get; set; }
    }

    /// <summary>
    /// One validator for the form and the server. The "Submit" rule set adds what submitting needs
    /// (法律政策依据, a channel) on top of what saving a draft needs.
    /// </summary>
    public class Validator : AbstractValidator<Command>
    {
        public const string SubmitRules = "Submit";

        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().WithErrorCode("Notice.TitleRequired")
                .MaximumLength(200).WithErrorCode("Notice.TitleTooLong");
            RuleFor(c => c.CategoryId).NotNull().WithErrorCode("Notice.CategoryRequired");
            RuleFor(c => c.OfficeId).NotNull().WithErrorCode("Notice.OfficeRequired");
            RuleFor(c => c.BodyHtml).MaximumLength(500_000).WithErrorCode("Notice.BodyTooLong");
            RuleFor(c => c.LegalBasis).MaximumLength(2000).WithErrorCode("Notice.LegalBasisTooLong");
            RuleFor(c => c.DocumentNumber).MaximumLength(100).WithErrorCode("Notice.DocumentNumberTooLong");
            RuleFor(c => c.Attachments.Count).LessThanOrEqualTo(20).WithErrorCode("Notice.TooManyAttachments");
            RuleFor(c => c.PublicityDays).InclusiveBetween(1, 365).WithErrorCode("Publicity.PeriodOutOfRange");
            RuleSet(SubmitRules, () =>
            {
                RuleFor(c => c.LegalBasis).NotEmpty().WithErrorCode("Notice.LegalBasisRequired");
                RuleFor(c => c.Channels).NotEmpty().WithErrorCode("Notice.ChannelRequired");
                RuleFor(c => c.BodyHtml).NotEmpty().WithErrorCode("Notice.BodyRequired");
            });
        }
    }

    public record Result(int NoticeId, int Version);

    public async Task<Result> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        // Every refusal is audited: a refused edit inside the change, a refused new draft here.
        if (command.NoticeId is null && !actor.IsIn(Roles.Staff))
            await change.RefuseAsync(actor, [], "Created", new DomainException("Auth.RoleRequired", Roles.Label(Roles.Staff)), ct);
        Validate(command, submitting: false);
        var content = await ToContentAsync(command, ct);

        if (command.NoticeId is not { } id)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var noticeActor = await NoticeActors.LoadAsync(db, actor, ct);
            var notice = Notice.Draft(content, noticeActor, now);
            db.Notices.Add(notice);
            await db.SaveChangesAsync(ct);
            db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "Notice.Created", "Notice", notice.Id.ToString(),
                toState: notice.State.ToString(), details: notice.Title));
            await db.SaveChangesAsync(ct);
            return new Result(notice.Id, notice.Version);
        }

        var version = await change.RunAsync(actor, id, command.ExpectedVersion, "Edited", null,
            (_, notice, noticeActor, now) =>
            {
                actor.Require(Roles.Staff);
                notice.Edit(content, noticeActor, now);
                return Task.CompletedTask;
            }, ct);
        return new Result(id, version);
    }

    /// <summary>Throws the first failure as a DomainException; forms show every failure per field before this runs.</summary>
    public static void Validate(Command command, bool submitting)
    {
        var result = new Validator().Validate(command, o =>
        {
            if (submitting) o.IncludeRuleSets("default", Validator.SubmitRules);
        });
        if (!result.IsValid) throw new DomainException(result.Errors[0].ErrorCode);
    }

    private async Task<NoticeContent> ToContentAsync(Command c, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var category = await db.Categories.AsNoTracking().SingleOrDefaultAsync(x => x.Id == c.CategoryId, ct)
            ?? throw new DomainException("Notice.CategoryRequired");
        if (!await db.Offices.AnyAsync(o => o.Id == c.OfficeId && o.IsActive, ct)) throw new DomainException("Notice.OfficeRequired");
        // Refuses a period shorter than the category's before anything is stored.
        category.RuleFor(c.PublicityDays);
        return new NoticeContent
        {
            Title = c.Title.Trim(),
            BodyHtml = BodySanitizer.Sanitize(c.BodyHtml),
            CategoryId = category.Id,
            OfficeId = c.OfficeId!.Value,
            Kind = c.Kind ?? category.DefaultKind,
            Channels = c.Channels.Count > 0 ? c.Channels : [.. category.DefaultChannels],
            Form = c.Form,
            Origin = c.Origin,
            LegalBasis = c.LegalBasis.Trim(),
            DocumentNumber = c.DocumentNumber,
            FormedOn = c.FormedOn,
            Attachments = c.Attachments,
            PublicityDays = category.PublicityPeriod is null ? null : c.PublicityDays,
        };
    }
}
