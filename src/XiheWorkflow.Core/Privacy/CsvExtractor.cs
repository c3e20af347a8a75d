using System.Text;

namespace XiheWorkflow.Core.Privacy;

/// <summary>
/// Scans a CSV file line by line as text (so line and column are those of the file) and names each
/// finding by the cell it starts in, A1-style with the record as row. Quoted fields may span lines.
/// </summary>
internal static class CsvExtractor
{
    public static void Extract(string text, FindingCollector collector)
    {
        int line = 0, record = 1, field = 1;
        var inQuotes = false;
        var header = new StringBuilder();
        foreach (var l in text.AsSpan().EnumerateLines())
        {
            line++;
            var segments = new List<(int, string)> { (0, CellReference.Of(record, field)) };
            for (var k = 0; k < l.Length; k++)
            {
                var c = l[k];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (k + 1 < l.Length && l[k + 1] == '"') k++;
                        else inQuotes = false;
                    }
                }
                else if (c == '"')
                {
                    inQuotes = true;
                    continue;
                }
                else if (c == ',')
                {
                    if (record == 1) FlushHeader(collector, header, field);
                    field++;
                    segments.Add((k + 1, CellReference.Of(record, field)));
                    continue;
                }
                if (record == 1 && !(c == '"' && !inQuotes)) header.Append(c);
            }
            collector.Line(line, l, segments);
            if (inQuotes)
            {
                if (record == 1) header.Append('\n');
                continue;
            }
            if (record == 1) FlushHeader(collector, header, field);
            record++;
            field = 1;
        }
    }

    private static void FlushHeader(FindingCollector collector, StringBuilder header, int field)
    {
        collector.Header(CellReference.Of(1, field), header.ToString());
        header.Clear();
    }
}
