namespace XiheWorkflow.Core.Privacy;

internal static class PlainTextExtractor
{
    public static void Extract(string text, FindingCollector collector)
    {
        var line = 0;
        foreach (var l in text.AsSpan().EnumerateLines()) collector.Line(++line, l, "");
    }
}
