using System.Net;
using System.Text;

namespace XiheWorkflow.Core.Privacy;

/// <summary>
/// Turns HTML into the text a reader sees: tags removed (so a number split by inline tags is joined),
/// entities decoded, white space collapsed, a line per block element, table cells apart.
/// </summary>
internal static class HtmlExtractor
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "header", "footer", "blockquote", "pre", "hr", "dt", "dd", "title", "body",
    };

    public static void Extract(string html, FindingCollector collector)
    {
        var line = 0;
        foreach (var l in ToText(html).AsSpan().EnumerateLines())
        {
            var trimmed = l.Trim();
            if (!trimmed.IsEmpty) collector.Line(++line, trimmed, "");
        }
    }

    public static string ToText(string html)
    {
        var text = new StringBuilder(html.Length);
        var chunk = new StringBuilder();
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] != '<' || i + 1 >= html.Length || !(char.IsAsciiLetter(html[i + 1]) || html[i + 1] is '/' or '!' or '?'))
            {
                chunk.Append(html[i++]);
                continue;
            }
            AppendDecoded(text, chunk);
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }
            var close = html.IndexOf('>', i);
            if (close < 0) break;
            var name = TagName(html, i + 1, close, out var closing);
            i = close + 1;
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                var endTag = end < 0 ? -1 : html.IndexOf('>', end);
                i = endTag < 0 ? html.Length : endTag + 1;
            }
            else if (BlockTags.Contains(name)) text.Append('\n');
            else if (closing && (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase))) text.Append('\t');
        }
        AppendDecoded(text, chunk);
        return text.ToString();
    }

    private static string TagName(string html, int start, int end, out bool closing)
    {
        closing = start < end && html[start] == '/';
        if (closing) start++;
        var k = start;
        while (k < end && char.IsAsciiLetterOrDigit(html[k])) k++;
        return html[start..k];
    }

    /// <summary>Decodes entities of one text run and collapses its white space as a browser would.</summary>
    private static void AppendDecoded(StringBuilder text, StringBuilder chunk)
    {
        if (chunk.Length == 0) return;
        var decoded = WebUtility.HtmlDecode(chunk.ToString());
        chunk.Clear();
        foreach (var c in decoded)
        {
            var space = char.IsWhiteSpace(c) && c != '\u3000';
            if (space)
            {
                if (text.Length > 0 && text[^1] is not (' ' or '\n' or '\t')) text.Append(' ');
            }
            else text.Append(c);
        }
    }
}
