using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace XiheWorkflow.Core.Channels;

/// <summary>The 公开栏 sheet as a Word file (A4), the same parts in the same order as the print view.</summary>
public static class NoticeBoardDocx
{
    private const string Font = "宋体";

    public static byte[] Write(ChannelSheet sheet)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Para(sheet.Title, size: 44, bold: true, justify: JustificationValues.Center, after: 360, font: "黑体"));
            if (sheet.DocumentNumber is { } number) body.Append(Para(number, justify: JustificationValues.Center, after: 240));
            foreach (var block in sheet.Blocks)
            {
                switch (block.Kind)
                {
                    case BlockKind.Table:
                        body.Append(Table(block.Rows));
                        body.Append(Para(""));
                        break;
                    case BlockKind.Heading:
                        body.Append(Para(block.Text, bold: true, after: 120));
                        break;
                    case BlockKind.ListItem:
                        body.Append(Para("· " + block.Text, indent: true));
                        break;
                    default:
                        body.Append(Para(block.Text, indent: true));
                        break;
                }
            }
            if (sheet.Roster is { } roster)
            {
                body.Append(Para($"名单（共{roster.Rows.Count}人）", bold: true, after: 120));
                body.Append(Table([roster.Headers, .. roster.Rows], header: true));
                body.Append(Para(""));
            }
            if (sheet.PublicityText is { } publicity) body.Append(Para(publicity, bold: true, indent: true));
            if (WeChatArticle.Objection(sheet) is { } objection) body.Append(Para(objection, indent: true));
            body.Append(Para(sheet.Settings.IssuingOrganization, justify: JustificationValues.Right, before: 480, after: 0));
            body.Append(Para(sheet.IssuedOnText, justify: JustificationValues.Right));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text, int size = 32, bool bold = false, JustificationValues? justify = null,
        bool indent = false, int before = 0, int after = 160, string font = Font)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { Before = before.ToString(), After = after.ToString(), Line = "360", LineRule = LineSpacingRuleValues.Auto });
        if (justify is { } j) props.Append(new Justification { Val = j });
        if (indent) props.Append(new Indentation { FirstLineChars = 200 });
        var runProps = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font }, new FontSize { Val = size.ToString() });
        if (bold) runProps.Append(new Bold());
        return new Paragraph(props, new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table Table(IReadOnlyList<IReadOnlyList<string>> rows, bool header = false)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            var bold = header && index == 0;
            // A header row repeats at the top of every page a long roster runs onto.
            var tr = bold ? new TableRow(new TableRowProperties(new TableHeader())) : new TableRow();
            foreach (var cell in row) tr.Append(new TableCell(Para(cell, size: 24, bold: bold, after: 0)));
            if (row.Count == 0) tr.Append(new TableCell(Para("", size: 24, after: 0)));
            table.Append(tr);
        }
        return table;
    }
}
