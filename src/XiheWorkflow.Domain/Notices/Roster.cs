using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Notices;

/// <summary>
/// A list published with a 公示 (低保 recipients, subsidy amounts, labour payments): columns kept
/// as the office sent them, the first row being the header.
/// </summary>
public sealed record Roster
{
    public const int MaxRows = 5000, MaxColumns = 30, MaxCell = 200;

    public IReadOnlyList<string> Headers { get; init; } = [];
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; init; } = [];

    /// <summary>Builds a roster from table rows (header first), refusing what is not a usable table.</summary>
    public static Roster FromTable(IReadOnlyList<IReadOnlyList<string?>> table)
    {
        var rows = table.Select(r => r.Select(c => (c ?? "").Trim()).ToList())
            .Where(r => r.Any(c => c.Length > 0)).ToList();
        if (rows.Count == 0) throw new DomainException("Roster.Empty");
        var headers = rows[0];
        while (headers.Count > 0 && headers[^1].Length == 0) headers.RemoveAt(headers.Count - 1);
        if (headers.Count == 0 || headers.Any(h => h.Length == 0)) throw new DomainException("Roster.HeaderInvalid");
        if (rows.Count == 1) throw new DomainException("Roster.NoRows");
        if (headers.Count > MaxColumns) throw new DomainException("Roster.TooManyColumns", MaxColumns);
        if (rows.Count - 1 > MaxRows) throw new DomainException("Roster.TooManyRows", MaxRows);
        var data = new List<IReadOnlyList<string>>();
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Skip(headers.Count).Any(c => c.Length > 0)) throw new DomainException("Roster.RowTooWide", i + 1);
            var cells = Enumerable.Range(0, headers.Count).Select(c => c < row.Count ? row[c] : "").ToList();
            if (cells.Any(c => c.Length > MaxCell)) throw new DomainException("Roster.CellTooLong", i + 1, MaxCell);
            data.Add(cells);
        }
        return new Roster { Headers = headers, Rows = data };
    }

    public Roster MapCells(Func<string, string> map) =>
        this with { Rows = Rows.Select(r => (IReadOnlyList<string>)r.Select(map).ToList()).ToList() };

    public bool Equals(Roster? other) =>
        other is not null && Headers.SequenceEqual(other.Headers) && Rows.Count == other.Rows.Count
        && Rows.Zip(other.Rows).All(p => p.First.SequenceEqual(p.Second));

    public override int GetHashCode() => HashCode.Combine(Headers.Count, Rows.Count);
}

public enum RosterRowChange { Added, Removed, Changed }

public sealed record RosterCellChange(string Header, string Old, string New);

public sealed record RosterRowDiff(RosterRowChange Change, string Key, IReadOnlyList<string> Cells, IReadOnlyList<RosterCellChange> CellChanges);

/// <summary>
/// Row-by-row comparison of two rosters. Rows are matched by their first column (usually the
/// name; repeated names by order of appearance), so a changed amount shows as a changed cell, not
/// as a removed and an added row.
/// </summary>
public static class RosterComparison
{
    public static IReadOnlyList<RosterRowDiff> Compare(Roster? older, Roster? newer)
    {
        older ??= new Roster();
        newer ??= new Roster();
        var oldRows = Keyed(older);
        var newRows = Keyed(newer);
        var result = new List<RosterRowDiff>();
        foreach (var (key, row) in newRows)
        {
            if (!oldRows.TryGetValue(key, out var before))
            {
                result.Add(new RosterRowDiff(RosterRowChange.Added, key.Name, row, []));
                continue;
            }
            var changes = newer.Headers.Select((h, i) => (Header: h, New: row[i], Old: ColumnOf(older, before, h)))
                .Where(c => c.Old != c.New).Select(c => new RosterCellChange(c.Header, c.Old, c.New)).ToList();
            if (changes.Count > 0) result.Add(new RosterRowDiff(RosterRowChange.Changed, key.Name, row, changes));
        }
        foreach (var (key, row) in oldRows)
        {
            if (!newRows.ContainsKey(key)) result.Add(new RosterRowDiff(RosterRowChange.Removed, key.Name, row, []));
        }
        return result;
    }

    private static string ColumnOf(Roster roster, IReadOnlyList<string> row, string header)
    {
        var index = roster.Headers.ToList().IndexOf(header);
        return index >= 0 && index < row.Count ? row[index] : "";
    }

    private static Dictionary<(string Name, int Occurrence), IReadOnlyList<string>> Keyed(Roster roster)
    {
        var seen = new Dictionary<string, int>();
        var keyed = new Dictionary<(string, int), IReadOnlyList<string>>();
        foreach (var row in roster.Rows)
        {
            var name = row.Count > 0 ? row[0] : "";
            seen[name] = seen.GetValueOrDefault(name) + 1;
            keyed[(name, seen[name])] = row;
        }
        return keyed;
    }
}
