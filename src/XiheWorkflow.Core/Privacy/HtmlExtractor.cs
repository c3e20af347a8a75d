using System.Net;
using System.Text;
using XiheWorkflow.Domain.Privacy;

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

    public static string ToText(string html) => ToText(html, null);

    /// <summary>
    /// As <see cref="ToText(string)"/>; when <paramref name="map"/> is given, it receives for each
    /// character of the text the range of the HTML it came from (a character, or a whole entity such
    /// as <c>&amp;#52;</c>), or (-1, -1) for a line or cell break the markup implies.
    /// </summary>
    private static string ToText(string html, List<(int Start, int End)>? map)
    {
        var text = new StringBuilder(html.Length);
        var chunkStart = 0;
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] != '<' || i + 1 >= html.Length || !(char.IsAsciiLetter(html[i + 1]) || html[i + 1] is '/' or '!' or '?'))
            {
                i++;
                continue;
            }
            AppendDecoded(text, html, chunkStart, i, map);
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = chunkStart = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }
            var close = html.IndexOf('>', i);
            if (close < 0)
            {
                chunkStart = html.Length;
                break;
            }
            var name = TagName(html, i + 1, close, out var closing);
            i = close + 1;
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                var endTag = end < 0 ? -1 : html.IndexOf('>', end);
                i = endTag < 0 ? html.Length : endTag + 1;
            }
            else if (BlockTags.Contains(name)) Synthetic(text, '\n', map);
            else if (closing && (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase))) Synthetic(text, '\t', map);
            chunkStart = i;
        }
        AppendDecoded(text, html, chunkStart, html.Length, map);
        return text.ToString();
    }

    /// <summary>
    /// 一键遮盖 on HTML: scans the text a reader sees (as <see cref="ToText(string)"/>) and masks each
    /// finding in the text nodes it came from, whatever inline tags or entities split it; the markup
    /// stays as it was. Digits kept by the mask stay as written; masked ones become <c>*</c>.
    /// </summary>
    public static string MaskNumbers(string html, DateOnly today)
    {
        var map = new List<(int Start, int End)>(html.Length);
        var text = ToText(html, map);
        var findings = PrivacyScanner.Scan(text, today);
        if (findings.Count == 0) return html;
        var edits = new List<(int Start, int End, string With)>();
        foreach (var f in findings)
        {
            var significant = 0;
            for (var k = f.Index; k < f.Index + f.Length; k++) significant += IsSignificant(text[k]) ? 1 : 0;
            if (significant == f.Masked.Length)
            {
                // One masked character for each digit (or X) of the number, wherever it is written.
                var m = 0;
                for (var k = f.Index; k < f.Index + f.Length; k++)
                {
                    if (!IsSignificant(text[k])) continue;
                    var with = f.Masked[m++];
                    if (with != text[k] && map[k].Start >= 0) edits.Add((map[k].Start, map[k].End, with.ToString()));
                }
            }
            else
            {
                // Not expected for the kinds the scanner knows; still never leave the number whole.
                var first = true;
                for (var k = f.Index; k < f.Index + f.Length; k++)
                {
                    if (map[k].Start < 0) continue;
                    edits.Add((map[k].Start, map[k].End, first ? f.Masked : ""));
                    first = false;
                }
            }
        }
        edits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var masked = new StringBuilder(html.Length);
        var last = 0;
        foreach (var (start, end, with) in edits)
        {
            if (start < last) continue;
            masked.Append(html, last, start - last).Append(with);
            last = end;
        }
        return masked.Append(html, last, html.Length - last).ToString();
    }

    private static bool IsSignificant(char c) => c is (>= '0' and <= '9') or (>= '０' and <= '９') or 'x' or 'X' or 'ｘ' or 'Ｘ';

    private static void Synthetic(StringBuilder text, char c, List<(int Start, int End)>? map)
    {
        text.Append(c);
        map?.Add((-1, -1));
    }

    private static string TagName(string html, int start, int end, out bool closing)
    {
        closing = start < end && html[start] == '/';
        if (closing) start++;
        var k = start;
        while (k < end && char.IsAsciiLetterOrDigit(html[k])) k++;
        return html[start..k];
    }

    /// <summary>
    /// Decodes entities of the text run html[start, end) and collapses its white space as a browser
    /// would. Without a map the run is decoded at once; with one, entity by entity.
    /// </summary>
    private static void AppendDecoded(StringBuilder text, string html, int start, int end, List<(int Start, int End)>? map)
    {
        if (start >= end) return;
        if (map is null)
        {
            foreach (var c in WebUtility.HtmlDecode(html.Substring(start, end - start))) Append(text, c, -1, -1, null);
            return;
        }
        var i = start;
        while (i < end)
        {
            if (html[i] == '&')
            {
                var semi = html.IndexOf(';', i + 1, Math.Min(end, i + 34) - i - 1);
                if (semi > 0)
                {
                    var entity = html.Substring(i, semi + 1 - i);
                    var decoded = WebUtility.HtmlDecode(entity);
                    if (decoded != entity)
                    {
                        foreach (var c in decoded) Append(text, c, i, semi + 1, map);
                        i = semi + 1;
                        continue;
                    }
                }
            }
            Append(text, html[i], i, i + 1, map);
            i++;
        }
    }

    private static void Append(StringBuilder text, char c, int from, int to, List<(int Start, int End)>? map)
    {
        if (char.IsWhiteSpace(c) && c != '\u3000')
        {
            if (text.Length > 0 && text[^1] is not (' ' or '\n' or '\t'))
            {
                text.Append(' ');
                map?.Add((from, to));
            }
        }
        else
        {
            text.Append(c);
            map?.Add((from, to));
        }
    }
}
