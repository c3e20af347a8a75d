using XiheWorkflow.Domain.Privacy;

namespace XiheWorkflow.Core.Privacy;

/// <summary>What the text extractors feed: lines of extracted text and header cells of tables.</summary>
internal sealed class FindingCollector(DateOnly today)
{
    private readonly List<FileFinding> findings = [];
    private readonly List<FlaggedColumn> flagged = [];

    public IReadOnlyList<FileFinding> Findings => findings;
    public IReadOnlyList<FlaggedColumn> Flagged => flagged;

    public void Line(int line, ReadOnlySpan<char> text, string location)
    {
        foreach (var f in PrivacyScanner.Scan(text, (DateOnly?)today))
        {
            findings.Add(new FileFinding(f.Kind, f.Masked, line, f.Index + 1, location));
        }
    }

    /// <summary>A spreadsheet cell: every finding reports the cell's own row and column.</summary>
    public void Cell(int row, int column, string text, string location)
    {
        foreach (var f in PrivacyScanner.Scan(text, today))
        {
            findings.Add(new FileFinding(f.Kind, f.Masked, row, column, location));
        }
    }

    /// <summary>A line whose location depends on where in it a finding starts (a CSV line spans cells).</summary>
    public void Line(int line, ReadOnlySpan<char> text, IReadOnlyList<(int Start, string Location)> segments)
    {
        foreach (var f in PrivacyScanner.Scan(text, (DateOnly?)today))
        {
            var location = "";
            foreach (var (start, name) in segments)
            {
                if (start > f.Index) break;
                location = name;
            }
            findings.Add(new FileFinding(f.Kind, f.Masked, line, f.Index + 1, location));
        }
    }

    public void Header(string location, string header)
    {
        if (RosterColumnRules.Check(header) is { } concern) flagged.Add(new FlaggedColumn(location, header.Trim(), concern));
    }
}
