using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Channels;

/// <summary>
/// The article for the official account's editor (和美硝河): the editor keeps inline styles and drops
/// style sheets and classes, so every element carries its own style; images are referenced by URL.
/// </summary>
public static class WeChatArticle
{
    private const string Text = "font-size:16px;line-height:1.75;color:#333;";

    private static readonly Dictionary<string, string> Styles = new()
    {
        ["p"] = Text + "margin:0 0 12px;text-indent:2em;text-align:justify;",
        ["h1"] = "font-size:20px;font-weight:bold;color:#1f4e8c;margin:20px 0 10px;",
        ["h2"] = "font-size:18px;font-weight:bold;color:#1f4e8c;margin:18px 0 8px;",
        ["h3"] = "font-size:17px;font-weight:bold;color:#333;margin:16px 0 8px;",
        ["h4"] = "font-size:16px;font-weight:bold;color:#333;margin:14px 0 6px;",
        ["ul"] = Text + "margin:0 0 12px;padding-left:2em;",
        ["ol"] = Text + "margin:0 0 12px;padding-left:2em;",
        ["li"] = Text + "margin:0 0 4px;",
        ["table"] = "border-collapse:collapse;width:100%;margin:0 0 12px;font-size:14px;",
        ["th"] = "border:1px solid #999;padding:4px 6px;background:#f2f5f9;font-weight:bold;text-align:center;",
        ["td"] = "border:1px solid #999;padding:4px 6px;",
        ["blockquote"] = Text + "margin:0 0 12px;padding:8px 12px;border-left:3px solid #1f4e8c;background:#f7f9fc;",
        ["strong"] = "font-weight:bold;",
        ["b"] = "font-weight:bold;",
    };

    public static string Html(ChannelSheet sheet)
    {
        var document = new HtmlParser().ParseDocument("<body>" + sheet.BodyHtml + "</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            element.RemoveAttribute("class");
            if (Styles.TryGetValue(element.LocalName, out var style)) element.SetAttribute("style", style);
        }
        var html = new StringBuilder();
        html.Append("<section style=\"max-width:677px;margin:0 auto;font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;\">");
        html.Append($"<h1 style=\"font-size:22px;font-weight:bold;line-height:1.4;color:#222;text-align:center;margin:0 0 16px;\">{E(sheet.Title)}</h1>");
        html.Append($"<p style=\"font-size:14px;color:#888;text-align:center;margin:0 0 20px;\">{E(sheet.Settings.IssuingOrganization)} {E(sheet.OfficeName)} · {E(sheet.IssuedOnText)}</p>");
        html.Append(document.Body.InnerHtml);
        if (sheet.Roster is { } roster) html.Append(RosterTable(roster));
        // Images from the public route: the editor fetches them without signing in.
        foreach (var image in sheet.Attachments.Where(a => a.ContentType.StartsWith("image/", StringComparison.Ordinal)))
        {
            html.Append($"<p style=\"margin:0 0 12px;text-align:center;\"><img src=\"{E(ChannelOutputs.AttachmentUrl(sheet, image))}\" alt=\"{E(image.FileName)}\" style=\"max-width:100%;height:auto;\"></p>");
        }
        if (sheet.PublicityText is { } publicity) html.Append($"<p style=\"{Styles["p"]}font-weight:bold;\">{E(publicity)}</p>");
        if (Objection(sheet) is { } objection) html.Append($"<p style=\"{Styles["p"]}\">{E(objection)}</p>");
        html.Append($"<p style=\"{Text}text-align:right;margin:24px 0 0;\">{E(sheet.Settings.IssuingOrganization)}<br>{E(sheet.IssuedOnText)}</p>");
        html.Append($"<p style=\"font-size:13px;color:#888;margin:24px 0 0;\">原文链接：{E(sheet.PublicUrl)}");
        if (sheet.IndexNumber is { } index) html.Append($"<br>索引号：{E(index)}");
        html.Append("</p></section>");
        return html.ToString();
    }

    /// <summary>The 名单 as a table with every cell styled inline, cells exactly as frozen (already masked).</summary>
    private static string RosterTable(Domain.Notices.Roster roster)
    {
        var html = new StringBuilder();
        html.Append($"<p style=\"{Styles["p"]}text-indent:0;font-weight:bold;\">名单（共{roster.Rows.Count}人）</p>");
        html.Append($"<table style=\"{Styles["table"]}\"><thead><tr>");
        foreach (var header in roster.Headers) html.Append($"<th style=\"{Styles["th"]}\">{E(header)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in roster.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append($"<td style=\"{Styles["td"]}\">{E(cell)}</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        return html.ToString();
    }

    /// <summary>Where to send objections, as one sentence; null when 系统管理 has neither set.</summary>
    public static string? Objection(ChannelSheet sheet)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(sheet.Settings.SupervisionPhone)) parts.Add($"监督电话：{sheet.Settings.SupervisionPhone}");
        if (!string.IsNullOrWhiteSpace(sheet.Settings.Mailbox)) parts.Add($"监督邮箱：{sheet.Settings.Mailbox}");
        return parts.Count == 0 ? null : $"如有意见或异议，请向{sheet.Settings.IssuingOrganization}反映。{string.Join("；", parts)}。";
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
