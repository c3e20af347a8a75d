namespace XiheWorkflow.Core.Privacy;

internal static class CellReference
{
    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    public static string Of(int row, int column) => ColumnName(column) + row;

    /// <summary>"B3" → (3, 2); null when the text is no A1 reference.</summary>
    public static (int Row, int Column)? Parse(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        int k = 0, column = 0;
        for (; k < reference.Length && char.IsAsciiLetter(reference[k]); k++) column = column * 26 + (char.ToUpperInvariant(reference[k]) - 'A' + 1);
        if (k == 0 || k == reference.Length || !int.TryParse(reference.AsSpan(k), out var row)) return null;
        return (row, column);
    }
}
