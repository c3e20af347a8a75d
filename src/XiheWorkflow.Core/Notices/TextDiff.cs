using DiffPlex;
using DiffPlex.Chunkers;

namespace XiheWorkflow.Core.Notices;

public enum DiffKind { Same, Deleted, Inserted }

public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// Character-level differences: Chinese has no spaces between words, so a word-level diff would
/// mark whole sentences as changed when one figure moves.
/// </summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffSegment> Characters(string oldText, string newText)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, CharacterChunker.Instance);
        var segments = new List<DiffSegment>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(segments, DiffKind.Same, Join(result.PiecesOld, a, block.DeleteStartA - a));
            Add(segments, DiffKind.Deleted, Join(result.PiecesOld, block.DeleteStartA, block.DeleteCountA));
            Add(segments, DiffKind.Inserted, Join(result.PiecesNew, block.InsertStartB, block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add(segments, DiffKind.Same, Join(result.PiecesOld, a, result.PiecesOld.Count - a));
        return segments;
    }

    private static string Join(IReadOnlyList<string> pieces, int start, int count) =>
        count <= 0 ? "" : string.Concat(pieces.Skip(start).Take(count));

    private static void Add(List<DiffSegment> segments, DiffKind kind, string text)
    {
        if (text.Length == 0) return;
        if (segments.Count > 0 && segments[^1].Kind == kind) segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        else segments.Add(new DiffSegment(kind, text));
    }
}
