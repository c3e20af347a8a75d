using System.Text;

namespace XiheWorkflow.Domain.Privacy;

/// <summary>The one-click mask: every finding in a text replaced by its masked form.</summary>
public static class PrivacyMasker
{
    public static string Mask(string text) => Apply(text, PrivacyScanner.Scan(text));

    public static string Mask(string text, DateOnly today) => Apply(text, PrivacyScanner.Scan(text, today));

    /// <summary>Replaces the given findings (as returned by a scan of this very text) by their masked forms.</summary>
    public static string Apply(string text, IReadOnlyList<PrivacyFinding> findings)
    {
        if (findings.Count == 0) return text;
        var masked = new StringBuilder(text.Length);
        var last = 0;
        foreach (var f in findings.OrderBy(f => f.Index))
        {
            if (f.Index < last) continue;
            masked.Append(text, last, f.Index - last).Append(f.Masked);
            last = f.Index + f.Length;
        }
        return masked.Append(text, last, text.Length - last).ToString();
    }
}
