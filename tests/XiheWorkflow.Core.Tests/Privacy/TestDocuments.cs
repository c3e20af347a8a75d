using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace XiheWorkflow.Core.Tests.Privacy;

/// <summary>Real Office and PDF files built with the same libraries people's tools produce them with.</summary>
public static class TestDocuments
{
    public static W.Paragraph Paragraph(params string[] runs) => new(runs.Select(r => new W.Run(new W.Text(r) { Space = SpaceProcessingModeValues.Preserve })));

    public static W.TableCell Cell(params W.Paragraph[] paragraphs) => new(paragraphs);

    public static void WriteDocx(string path, IEnumerable<OpenXmlElement> body, string? headerText = null)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new W.Document(new W.Body(body));
        if (headerText is not null)
        {
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new W.Header(Paragraph(headerText));
            main.Document.Body!.Append(new W.SectionProperties(new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(header) }));
        }
    }

    /// <summary>Sheets of rows; a string cell goes to the shared string table, a long to a number cell.</summary>
    public static void WriteXlsx(string path, params (string Name, object?[][] Rows)[] sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var shared = workbook.AddNewPart<SharedStringTablePart>();
        shared.SharedStringTable = new SharedStringTable();
        uint sheetId = 0;
        foreach (var (name, rows) in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r][c])
                    {
                        case null: break;
                        case long number:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number.ToString()) });
                            break;
                        case var text:
                            shared.SharedStringTable.Append(new SharedStringItem(new Text(text.ToString()!)));
                            var index = shared.SharedStringTable.ChildElements.Count - 1;
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString()) });
                            break;
                    }
                }
                data.Append(row);
            }
            part.Worksheet = new Worksheet(data);
            workbook.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = ++sheetId, Id = workbook.GetIdOfPart(part) });
        }
    }

    /// <summary>One page per entry, each line of text written in Helvetica one below the other.</summary>
    public static byte[] Pdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            for (var k = 0; k < lines.Length; k++) page.AddText(lines[k], 12, new PdfPoint(50, 750 - 20 * k), font);
        }
        return builder.Build();
    }
}
