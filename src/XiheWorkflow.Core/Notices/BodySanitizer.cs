using Ganss.Xss;

namespace XiheWorkflow.Core.Notices;

/// <summary>
/// What a notice body may contain: the formatting a Word user needs (headings, paragraphs, lists,
/// bold, tables) and nothing that runs or loads anything. Applied when stored and when rendered.
/// </summary>
public static class BodySanitizer
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    private static HtmlSanitizer Create()
    {
        var s = new HtmlSanitizer();
        s.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "h1", "h2", "h3", "h4", "ul", "ol", "li", "strong", "b", "em", "i", "u",
                     "table", "thead", "tbody", "tr", "th", "td", "blockquote", "div", "span" })
            s.AllowedTags.Add(tag);
        s.AllowedAttributes.Clear();
        foreach (var attr in new[] { "colspan", "rowspan" }) s.AllowedAttributes.Add(attr);
        s.AllowedCssProperties.Clear();
        s.AllowedSchemes.Clear();
        s.AllowedAtRules.Clear();
        // Keeping the children of a removed tag keeps the words of unknown formatting, but the
        // contents of these tags are code or hidden machinery, never text for the public to read.
        s.KeepChildNodes = true;
        s.RemovingTag += (_, e) =>
        {
            if (DropWithContents.Contains(e.Tag.LocalName)) e.Tag.InnerHtml = "";
        };
        return s;
    }

    private static readonly HashSet<string> DropWithContents = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "textarea", "select", "title",
    };

    public static string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : Sanitizer.Sanitize(html).Trim();

    /// <summary>Plain text with line breaks turned into paragraphs, for notices written without formatting.</summary>
    public static string FromPlainText(string text) =>
        string.Concat(text.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => $"<p>{System.Net.WebUtility.HtmlEncode(line.Trim())}</p>"));
}
