using XiheWorkflow.Domain.Privacy;

namespace XiheWorkflow.Core.Privacy;

/// <summary>A finding in a roster cell; <see cref="Row"/> counts data rows from 1 (the header is not a row).</summary>
public sealed record RosterFinding(int Row, int Column, string Header, FindingKind Kind, string Masked);

public sealed record RosterScanResult(IReadOnlyList<ForbiddenColumn> ForbiddenColumns, IReadOnlyList<RosterFinding> Findings)
{
    public bool IsClean => ForbiddenColumns.Count == 0 && Findings.Count == 0;
}

/// <summary>Checks a roster (a 低保 or subsidy list) before it is published: its columns and every cell.</summary>
public sealed class RosterPrivacyScanner(TimeProvider clock)
{
    public RosterScanResult Scan(IReadOnlyList<string?> headers, IEnumerable<IReadOnlyList<string?>> rows) =>
        Scan(headers, rows, XiheWorkflow.Domain.Common.ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime));

    public static RosterScanResult Scan(IReadOnlyList<string?> headers, IEnumerable<IReadOnlyList<string?>> rows, DateOnly today)
    {
        var findings = new List<RosterFinding>();
        var rowNumber = 0;
        foreach (var row in rows)
        {
            rowNumber++;
            for (var column = 0; column < row.Count; column++)
            {
                var cell = row[column];
                if (string.IsNullOrEmpty(cell)) continue;
                foreach (var f in PrivacyScanner.Scan(cell, today))
                {
                    var header = column < headers.Count ? headers[column] ?? "" : "";
                    findings.Add(new RosterFinding(rowNumber, column + 1, header, f.Kind, f.Masked));
                }
            }
        }
        return new RosterScanResult(RosterColumnRules.FindForbidden(headers), findings);
    }
}
