using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace XiheWorkflow.Core.Privacy;

/// <summary>
/// Every cell is scanned on its own and reported as row, column and <c>Sheet!B3</c>; rows are read
/// one at a time so a large roster does not become one large tree. Row 1 is taken as the header row.
/// </summary>
internal static class XlsxExtractor
{
    public static void Extract(Stream stream, FindingCollector collector)
    {
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no workbook part.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part) continue;
            ScanSheet(part, sheet.Name?.Value ?? id, shared, collector);
        }
    }

    private static void ScanSheet(WorksheetPart part, string sheetName, string[] shared, FindingCollector collector)
    {
        using var reader = OpenXmlReader.Create(part);
        var rowNumber = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = CellReference.Parse(cell.CellReference?.Value)?.Column ?? column + 1;
                var text = CellText(cell, shared);
                if (string.IsNullOrEmpty(text)) continue;
                var location = $"{sheetName}!{CellReference.Of(rowNumber, column)}";
                collector.Cell(rowNumber, column, text, location);
                if (rowNumber == 1) collector.Header(location, text);
            }
        }
    }

    private static string? CellText(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, out var k) && k >= 0 && k < shared.Length ? shared[k] : null;
        }
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        if (cell.DataType?.Value == CellValues.Boolean) return null;
        return cell.CellValue?.Text;
    }
}
