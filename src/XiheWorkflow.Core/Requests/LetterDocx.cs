using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace XiheWorkflow.Core.Requests;

/// <summary>A letter as a plain official .docx: centred title, then one paragraph per line of the filled template.</summary>
public static class LetterDocx
{
    private const string BodyFont = "仿宋_GB2312";
    private const string TitleFont = "方正小标宋简体";

    public static byte[] Create(string title, string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Paragraph(title, TitleFont, "44", JustificationValues.Center, indent: false));
            var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                // The salutation and the sign-off are not indented; the sign-off sits on the right.
                var line = lines[i];
                var isSalutation = i == 0 && line.EndsWith('：');
                var isSignOff = i >= lines.Count - 2 && line.Length is > 0 and < 30;
                body.Append(Paragraph(line, BodyFont, "32", isSignOff ? JustificationValues.Right : JustificationValues.Both,
                    indent: !isSalutation && !isSignOff));
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, string font, string size, JustificationValues justification, bool indent)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact },
            new Justification { Val = justification });
        if (indent) properties.Append(new Indentation { FirstLine = "640" });
        var run = new Run(new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font }, new FontSize { Val = size }),
            new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(properties, run);
    }

    /// <summary>The paragraphs' text, for tests and previews.</summary>
    public static IReadOnlyList<string> ReadParagraphs(Stream docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        return document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
    }
}
