using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Calendar;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Core.Requests;

public sealed record LetterTemplateRow(LetterKind Kind, string Title, string Text, bool IsDefault, int Version, DateTime? UpdatedAtUtc, string? UpdatedBy);

/// <summary>The three letter templates: the stored text of each kind, or the built-in one until someone edits it.</summary>
public class LetterTemplateQueries(IDbContextFactory<XiheDbContext> contextFactory)
{
    public async Task<IReadOnlyList<LetterTemplateRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.DisclosureOfficer, Roles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await ListAsync(db, ct);
    }

    internal static async Task<IReadOnlyList<LetterTemplateRow>> ListAsync(XiheDbContext db, CancellationToken ct)
    {
        var stored = await db.LetterTemplates.AsNoTracking().ToDictionaryAsync(t => t.Kind, ct);
        return Enum.GetValues<LetterKind>().Select(k => stored.TryGetValue(k, out var t)
            ? new LetterTemplateRow(k, LetterTemplates.Title(k), t.Text, false, t.Version, t.UpdatedAtUtc, t.UpdatedBy)
            : new LetterTemplateRow(k, LetterTemplates.Title(k), LetterTemplates.Default(k), true, 0, null, null)).ToList();
    }
}

/// <summary>Edits a letter template (Admin or the officer); letters already generated keep their text.</summary>
public class SaveLetterTemplate(IDbContextFactory<XiheDbContext> contextFactory, TimeProvider clock)
{
    public sealed class Command
    {
        public LetterKind Kind { get; set; }
        public string Text { get; set; } = "";
        /// <summary>0 while the built-in text is in use.</summary>
        public int Version { get; set; }
    }

    public class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Text).NotEmpty().WithErrorCode("Letter.TemplateEmpty")
                .MaximumLength(8000).WithErrorCode("Letter.TemplateTooLong");
        }
    }

    public async Task<int> HandleAsync(Command command, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.DisclosureOfficer, Roles.Admin);
        new Validator().ThrowIfInvalid(command);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var template = await db.LetterTemplates.SingleOrDefaultAsync(t => t.Kind == command.Kind, ct);
        var title = LetterTemplates.Title(command.Kind);
        if ((template?.Version ?? 0) != command.Version) throw new DomainException("Admin.StaleEdit", title);
        if (template is null) db.LetterTemplates.Add(template = new LetterTemplate(command.Kind, command.Text, now, actor.Name));
        else template.Edit(command.Text, now, actor.Name);
        db.AuditEntries.Add(new AuditEntry(now, actor.UserId, actor.Name, "LetterTemplate.Saved", "LetterTemplate", command.Kind.ToString(), details: title));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another person saved the first version of this template at the same moment (unique Kind).
            throw new DomainException("Admin.StaleEdit", title);
        }
        return template.Version;
    }
}

/// <summary>
/// Generates one of the letters for an application from its template and the register, stores the
/// .docx by content hash under the data directory, and keeps it with the application.
/// </summary>
public class GenerateLetter(IDbContextFactory<XiheDbContext> contextFactory, AttachmentStore store, CalendarProvider calendars,
    IOptions<XiheOptions> options, TimeProvider clock)
{
    public async Task<LetterRow> HandleAsync(int applicationId, LetterKind kind, Actor actor, CancellationToken ct = default)
    {
        RegisterAccess.RequireWriter(actor);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct)
            ?? throw new DomainException("Application.NotFound", applicationId);
        var supplement = application.Events.FirstOrDefault(e => e.Kind == ClockEventKind.SupplementRequested);
        var extension = application.Events.FirstOrDefault(e => e.Kind == ClockEventKind.ExtensionGranted);
        switch (kind)
        {
            case LetterKind.SupplementNotice when supplement is null:
                throw new DomainException("Letter.NoSupplement", application.Reference);
            case LetterKind.ExtensionNotice when extension is null:
                throw new DomainException("Letter.NoExtension", application.Reference);
            case LetterKind.Reply when application.IsOpen:
                throw new DomainException("Letter.NotReplied", application.Reference);
        }

        var template = (await LetterTemplateQueries.ListAsync(db, ct)).Single(t => t.Kind == kind);
        var values = await ValuesAsync(application, supplement, extension, ct);
        var title = LetterTemplates.Title(kind);
        var bytes = LetterDocx.Create(title, LetterTemplates.Fill(template.Text, values));
        var fileName = $"{application.Reference}-{title}.docx";
        var stored = await store.SaveAsync(new MemoryStream(bytes), fileName, bytes.Length, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var letter = new ApplicationLetter(application.Id, kind, fileName, stored.Sha256, stored.Size, now, actor.Name);
        db.ApplicationLetters.Add(letter);
        db.AuditEntries.Add(RegisterAccess.Audit(now, actor, "Application.LetterGenerated", application, $"{title} {stored.Sha256[..12]}"));
        await db.SaveChangesAsync(ct);
        return new LetterRow(letter.Id, kind, fileName, stored.Size, now, actor.Name);
    }

    private async Task<Dictionary<string, string?>> ValuesAsync(DisclosureApplication a, ApplicationEvent? supplement, ApplicationEvent? extension, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var today = clock.Today();
        // The letter speaks of the deadline before the extension ("不能在…前答复") and after it.
        var beforeExtension = a.ClockEvents().Where(e => e.Kind != ClockEventKind.ExtensionGranted).ToList();
        var asOf = new[] { today, a.ClockEvents().Max(e => e.Date) }.Max();
        var original = ApplicationClock.Compute(beforeExtension, asOf, calendar).DueDate;
        var current = ApplicationClock.Compute(a.ClockEvents(), asOf, calendar).DueDate;
        static string? Cn(DateOnly? d) => d is { } day ? ChinaTime.ChineseDate(day) : null;
        return new Dictionary<string, string?>
        {
            ["申请人"] = a.ApplicantName,
            ["申请编号"] = a.Reference,
            ["收到日期"] = Cn(a.ReceivedOn),
            ["申请内容"] = a.Request,
            ["答复期限"] = Cn(original),
            ["补正期限"] = Cn(supplement?.DueOn),
            ["延期天数"] = extension?.ExtensionDays.ToString(),
            ["批准人"] = extension?.ApprovedBy,
            ["延期后期限"] = Cn(current),
            ["答复日期"] = Cn(a.ClosedOn),
            ["办理结果"] = a.Outcome is { } o ? CodeLabels.Label(o) : null,
            ["机关名称"] = options.Value.PublishingBody,
            ["落款日期"] = Cn(today),
        };
    }
}

/// <summary>A generated letter's file, for people who may read the register.</summary>
public class OpenLetter(IDbContextFactory<XiheDbContext> contextFactory, AttachmentStore store)
{
    public async Task<(Stream Content, string FileName)?> HandleAsync(int letterId, Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsIn(Roles.DisclosureOfficer) && !actor.IsIn(Roles.OfficeHead)) return null;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var letter = await db.ApplicationLetters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == letterId, ct);
        if (letter is null) return null;
        var stream = store.Open(letter.Sha256);
        return stream is null ? null : (stream, letter.FileName);
    }
}
