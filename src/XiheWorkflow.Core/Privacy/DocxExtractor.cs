using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace XiheWorkflow.Core.Privacy;

/// <summary>
/// Lines are paragraphs in document order, each table cell one line (its paragraphs joined by a
/// tab), then headers, footers, footnotes and endnotes. A paragraph's runs are joined before
/// scanning: Word splits a typed number into several runs whenever formatting or spell-check
/// state changes. A line break inside a paragraph (w:br, w:cr) does not hide a number it splits
/// (<see cref="FindingCollector.Paragraph"/>).
/// </summary>
internal sealed class DocxExtractor(FindingCollector collector)
{
    private int line;
    private int table;

    public static void Extract(Stream stream, FindingCollector collector)
    {
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var main = document.MainDocumentPart ?? throw new InvalidDataException("The document has no main part.");
        var extractor = new DocxExtractor(collector);
        if (main.Document?.Body is { } body) extractor.Walk(body, "");
        foreach (var header in main.HeaderParts)
        {
            if (header.Header is { } h) extractor.Walk(h, "header");
        }
        foreach (var footer in main.FooterParts)
        {
            if (footer.Footer is { } f) extractor.Walk(f, "footer");
        }
        if (main.FootnotesPart?.Footnotes is { } footnotes) extractor.Walk(footnotes, "footnotes");
        if (main.EndnotesPart?.Endnotes is { } endnotes) extractor.Walk(endnotes, "endnotes");
    }

    private void Walk(OpenXmlElement container, string part)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph p:
                    line++;
                    collector.Paragraph(line, ParagraphText(p), Name(part, $"paragraph {line}"));
                    break;
                case Table t:
                    WalkTable(t, part);
                    break;
                default:
                    Walk(child, part);
                    break;
            }
        }
    }

    private void WalkTable(Table t, string part)
    {
        var number = ++table;
        var row = 0;
        foreach (var tr in t.Elements<TableRow>())
        {
            row++;
            var cell = 0;
            foreach (var tc in tr.Elements<TableCell>())
            {
                cell++;
                line++;
                var text = string.Join('\t', CellParagraphs(tc).Select(ParagraphText));
                collector.Paragraph(line, text, Name(part, $"table {number}, row {row}, cell {cell}"));
                foreach (var nested in tc.Descendants<Table>().Where(n => n.Ancestors<Table>().First() == t)) WalkTable(nested, part);
            }
        }
    }

    /// <summary>The cell's own paragraphs, also inside content controls, but not those of nested tables.</summary>
    private static IEnumerable<Paragraph> CellParagraphs(OpenXmlElement element)
    {
        foreach (var child in element.ChildElements)
        {
            if (child is Paragraph p) yield return p;
            else if (child is not Table)
            {
                foreach (var inner in CellParagraphs(child)) yield return inner;
            }
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var e in paragraph.Descendants())
        {
            switch (e)
            {
                case Text t: text.Append(t.Text); break;
                case TabChar: text.Append('\t'); break;
                case Break or CarriageReturn: text.Append(FindingCollector.Break); break;
                case NoBreakHyphen: text.Append('-'); break;
            }
        }
        return text.ToString();
    }

    private static string Name(string part, string place) => part.Length == 0 ? place : $"{part}, {place}";
}
