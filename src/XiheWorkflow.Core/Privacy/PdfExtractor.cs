using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace XiheWorkflow.Core.Privacy;

internal static class PdfExtractor
{
    /// <summary>Lines of each page's text in reading order; false when no page has any text (a scan).</summary>
    public static bool Extract(byte[] content, FindingCollector collector)
    {
        using var pdf = PdfDocument.Open(content);
        var line = 0;
        var anyText = false;
        foreach (var page in pdf.GetPages())
        {
            var location = $"page {page.Number}";
            foreach (var l in ContentOrderTextExtractor.GetText(page).AsSpan().EnumerateLines())
            {
                line++;
                if (l.IsWhiteSpace()) continue;
                anyText = true;
                collector.Line(line, l, location);
            }
        }
        return anyText;
    }
}
