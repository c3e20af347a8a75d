using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Privacy;

namespace XiheWorkflow.Core.Privacy;

/// <summary>Where in a notice a finding is: its title, its body, or one of its attachments.</summary>
public enum NoticePart { Title, Body, Attachment, Roster, RosterColumn }

/// <summary>
/// A finding in a notice, masked; <see cref="FileName"/> and <see cref="Location"/> name the
/// attachment cell or page, or the roster row and column. A <see cref="NoticePart.RosterColumn"/>
/// finding is a whole column a 低保-type list must not carry (<see cref="Concern"/>), with no number.
/// </summary>
public sealed record NoticePrivacyFinding(NoticePart Part, FindingKind? Kind, string Masked, string? FileName = null, string? Location = null,
    RosterColumnConcern? Concern = null);

/// <summary>
/// The privacy guard applied to everything a notice would publish (DESIGN.md §8): title, body and
/// attachments. Used before submit and before publish, by the server, whatever the page showed.
/// </summary>
public class NoticePrivacyCheck(AttachmentStore attachments, PrivacyFileScanner files, TimeProvider clock)
{
    public async Task<IReadOnlyList<NoticePrivacyFinding>> ScanAsync(NoticeContent content, Roster? roster = null, CancellationToken ct = default)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var findings = new List<NoticePrivacyFinding>();
        findings.AddRange(PrivacyScanner.Scan(content.Title, today).Select(f => new NoticePrivacyFinding(NoticePart.Title, f.Kind, f.Masked)));
        // The text a reader sees: a number split by formatting tags is still a number.
        findings.AddRange(PrivacyScanner.Scan(HtmlExtractor.ToText(content.BodyHtml), today)
            .Select(f => new NoticePrivacyFinding(NoticePart.Body, f.Kind, f.Masked)));
        foreach (var a in content.Attachments)
        {
            await using var stream = attachments.Open(a.Sha256);
            var result = stream is null
                ? FileScanResult.NotReadable(a.FileName, UnreadableReason.Corrupt, "missing")
                : await files.ScanAsync(stream, a.FileName, ct);
            findings.AddRange(result.Findings.Select(f =>
                new NoticePrivacyFinding(NoticePart.Attachment, f.Kind, f.Masked, a.FileName, f.Location)));
        }
        if (roster is not null)
        {
            var result = RosterPrivacyScanner.Scan(roster.Headers, roster.Rows, today);
            findings.AddRange(result.ForbiddenColumns.Select(c =>
                new NoticePrivacyFinding(NoticePart.RosterColumn, null, "", Location: c.Header, Concern: c.Concern)));
            findings.AddRange(result.Findings.Select(f =>
                new NoticePrivacyFinding(NoticePart.Roster, f.Kind, f.Masked, Location: $"{f.Row}|{f.Header}")));
        }
        return findings;
    }

    /// <summary>
    /// 一键遮盖: masks every number found in the title and the body. The body is masked in the text a
    /// reader sees — what <see cref="ScanAsync"/> scans — so a number split by inline tags or written
    /// with entities is masked too, and the formatting is kept.
    /// </summary>
    public (string Title, string BodyHtml) MaskText(string title, string bodyHtml)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        return (PrivacyMasker.Mask(title, today), HtmlExtractor.MaskNumbers(bodyHtml, today));
    }
}
