using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Channels;

public enum BlockKind { Heading, Paragraph, ListItem, Table }

/// <summary>One block of a notice body as the plain-text channels need it; a table keeps its rows.</summary>
public sealed record BodyBlock(BlockKind Kind, string Text, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Rows after the header row: what a roster's "共 N 人" counts.</summary>
    public int DataRows => Kind == BlockKind.Table ? Math.Max(0, Rows.Count - (Rows.Count > 1 ? 1 : 0)) : 0;
}

/// <summary>
/// Everything every channel output of a published notice is made from — taken from the latest
/// approved revision, never from a later draft, plus the settings of 系统管理.
/// </summary>
public sealed record ChannelSheet(
    int NoticeId,
    int Revision,
    string Title,
    string BodyHtml,
    IReadOnlyList<BodyBlock> Blocks,
    string OfficeName,
    string? IndexNumber,
    string? DocumentNumber,
    IReadOnlyList<Channel> Channels,
    ContentForm Form,
    ContentOrigin Origin,
    IReadOnlyList<AttachmentRef> Attachments,
    DateOnly IssuedOn,
    ChannelSettings Settings,
    string PublicUrl,
    string BaseUrl)
{
    /// <summary>
    /// The 名单 frozen with this revision, as the privacy guard left it (masked cells stay masked);
    /// null when it has none or it is no longer public (Xihe:RosterPublicDays after the window ends).
    /// The 公开栏 sheet and the WeChat article print it as a table, the loudspeaker gives its count,
    /// the electronic screen never shows it.
    /// </summary>
    public Roster? Roster { get; init; }

    /// <summary>"公示期：2024年5月10日至2024年5月16日" when the notice has a publicity window.</summary>
    public string? PublicityText { get; init; }

    public string IssuedOnText => ChinaTime.ChineseDate(IssuedOn);

    /// <summary>Plain paragraphs, with each table summarised by its number of rows.</summary>
    public IEnumerable<string> PlainParagraphs(Func<int, string> tableSummary) =>
        Blocks.Select(b => b.Kind == BlockKind.Table ? tableSummary(b.DataRows) : b.Text).Where(t => t.Length > 0);

    internal static IReadOnlyList<BodyBlock> Parse(string sanitizedHtml)
    {
        var document = new HtmlParser().ParseDocument("<body>" + sanitizedHtml + "</body>");
        var blocks = new List<BodyBlock>();
        Walk(document.Body!, blocks);
        return blocks;
    }

    private static void Walk(IElement parent, List<BodyBlock> blocks)
    {
        var loose = new System.Text.StringBuilder();
        void FlushLoose()
        {
            var text = Squash(loose.ToString());
            if (text.Length > 0) blocks.Add(new BodyBlock(BlockKind.Paragraph, text, []));
            loose.Clear();
        }

        foreach (var node in parent.ChildNodes)
        {
            if (node is not IElement e)
            {
                loose.Append(node.TextContent);
                continue;
            }
            switch (e.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4":
                    FlushLoose();
                    Add(blocks, BlockKind.Heading, e.TextContent);
                    break;
                case "p" or "blockquote":
                    FlushLoose();
                    Add(blocks, BlockKind.Paragraph, e.TextContent);
                    break;
                case "li":
                    FlushLoose();
                    Add(blocks, BlockKind.ListItem, e.TextContent);
                    break;
                case "ul" or "ol" or "div" or "thead" or "tbody":
                    FlushLoose();
                    Walk(e, blocks);
                    break;
                case "table":
                    FlushLoose();
                    var rows = e.QuerySelectorAll("tr")
                        .Select(r => (IReadOnlyList<string>)r.Children.Where(c => c.LocalName is "td" or "th").Select(c => Squash(c.TextContent)).ToList())
                        .ToList();
                    blocks.Add(new BodyBlock(BlockKind.Table, "", rows));
                    break;
                case "br":
                    FlushLoose();
                    break;
                default:
                    loose.Append(e.TextContent);
                    break;
            }
        }
        FlushLoose();
    }

    private static void Add(List<BodyBlock> blocks, BlockKind kind, string text)
    {
        text = Squash(text);
        if (text.Length > 0) blocks.Add(new BodyBlock(kind, text, []));
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim();

    internal static string SanitizedBody(NoticeContent content) => BodySanitizer.Sanitize(content.BodyHtml);
}
