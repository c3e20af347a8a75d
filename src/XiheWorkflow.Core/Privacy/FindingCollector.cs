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

    /// <summary>Stands for a line break inside a paragraph (Word's w:br / w:cr) in <see cref="Paragraph"/>.</summary>
    public const char Break = '\n';

    /// <summary>
    /// A paragraph whose line breaks are marked by <see cref="Break"/>. It is scanned with each break
    /// read as a space, and once more with the breaks taken out: a number that only a line break
    /// splits (an ID wrapped at the end of a line, a mobile typed over two lines) is still a number.
    /// The second pass adds only findings that span a break; the detectors' own checks (check
    /// character, real birth date, Luhn, length) keep two short numbers on consecutive lines apart.
    /// </summary>
    public void Paragraph(int line, string text, string location)
    {
        if (text.IndexOf(Break) < 0)
        {
            Line(line, text, location);
            return;
        }
        Line(line, text.Replace(Break, ' '), location);
        var joined = text.Replace(Break.ToString(), "");
        var removed = new List<int>(); // positions in the joined text where a break was taken out
        var taken = 0;
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] != Break) continue;
            removed.Add(k - taken);
            taken++;
        }
        foreach (var f in PrivacyScanner.Scan(joined, (DateOnly?)today))
        {
            if (!removed.Any(r => r > f.Index && r < f.Index + f.Length)) continue;
            var original = f.Index + removed.Count(r => r <= f.Index);
            findings.Add(new FileFinding(f.Kind, f.Masked, line, original + 1, location));
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
