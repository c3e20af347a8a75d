using System.Text.RegularExpressions;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Requests;

/// <summary>The letters the office sends an applicant (DESIGN.md §6).</summary>
public enum LetterKind { SupplementNotice, ExtensionNotice, Reply }

/// <summary>
/// The editable text of one kind of letter. Placeholders in braces (<c>{申请人}</c>) are filled from
/// the register when a letter is generated; the officer words the rest.
/// </summary>
public class LetterTemplate
{
    public int Id { get; private set; }
    public LetterKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public int Version { get; private set; }

    private LetterTemplate() { }

    public LetterTemplate(LetterKind kind, string text, DateTime nowUtc, string by)
    {
        Kind = kind;
        Edit(text, nowUtc, by);
    }

    public void Edit(string text, DateTime nowUtc, string by)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Letter.TemplateEmpty");
        Text = text.Trim();
        UpdatedAtUtc = nowUtc;
        UpdatedBy = by;
        Version++;
    }
}

/// <summary>A generated letter kept with its application; the file is stored by its SHA-256.</summary>
public class ApplicationLetter
{
    public int Id { get; private set; }
    public int ApplicationId { get; private set; }
    public LetterKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public long Size { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedBy { get; private set; } = "";

    private ApplicationLetter() { }

    public ApplicationLetter(int applicationId, LetterKind kind, string fileName, string sha256, long size, DateTime createdAtUtc, string createdBy)
    {
        ApplicationId = applicationId;
        Kind = kind;
        FileName = fileName;
        Sha256 = sha256;
        Size = size;
        CreatedAtUtc = createdAtUtc;
        CreatedBy = createdBy;
    }
}

public static class LetterTemplates
{
    public static string Title(LetterKind kind) => kind switch
    {
        LetterKind.SupplementNotice => "补正告知书",
        LetterKind.ExtensionNotice => "延期答复告知书",
        _ => "答复书",
    };

    /// <summary>Every placeholder a template may use, in the order the template page lists them.</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
        ["申请人", "申请编号", "收到日期", "申请内容", "答复期限", "补正期限", "延期天数", "批准人", "延期后期限", "答复日期", "办理结果", "机关名称", "落款日期"];

    /// <summary>Fills known placeholders; an unknown or empty one stays visible so that the officer notices it in the letter.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string?> values) =>
        Regex.Replace(template, @"\{([^{}\s]{1,12})\}", m =>
            values.TryGetValue(m.Groups[1].Value, out var v) && !string.IsNullOrWhiteSpace(v) ? v : m.Value);

    public static string Default(LetterKind kind) => kind switch
    {
        LetterKind.SupplementNotice => """
            {申请人}：
            本机关于{收到日期}收到您提出的政府信息公开申请（编号：{申请编号}），申请内容为：“{申请内容}”。
            经审查，您的申请内容不够明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您于{补正期限}前对申请内容作出补正，写明所需政府信息的名称、文号或者便于查询的其他特征性描述。答复期限自本机关收到补正后的申请之日起重新计算。
            无正当理由逾期不补正的，视为您放弃申请，本机关不再处理该政府信息公开申请。
            特此告知。
            {机关名称}
            {落款日期}
            """,
        LetterKind.ExtensionNotice => """
            {申请人}：
            本机关于{收到日期}收到您提出的政府信息公开申请（编号：{申请编号}），申请内容为：“{申请内容}”。
            因需要较长时间进行检索和审查，本机关不能在{答复期限}前作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经政府信息公开工作机构负责人{批准人}同意，答复期限延长{延期天数}个工作日，本机关将于{延期后期限}前作出答复。
            特此告知。
            {机关名称}
            {落款日期}
            """,
        _ => """
            {申请人}：
            本机关于{收到日期}收到您提出的政府信息公开申请（编号：{申请编号}），申请内容为：“{申请内容}”。
            经审查，现答复如下：{办理结果}。
            如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。
            {机关名称}
            {答复日期}
            """,
    };
}
