namespace XiheWorkflow.Domain.Channels;

/// <summary>The short texts of the channels that take plain text: 微博 and the loudspeaker script.</summary>
public static class ChannelTexts
{
    /// <summary>
    /// 微博 allows 2,000 characters, but the feed shows only the first 140 before 展开全文; the post is
    /// kept within 140 so that the title and the link are seen without expanding.
    /// </summary>
    public const int WeiboVisibleLength = 140;

    public const int WeiboMaxLength = 2000;

    public static string Weibo(string title, IEnumerable<string> paragraphs, string link, int limit = WeiboVisibleLength)
    {
        var head = $"【{title}】";
        var tail = $" 详见：{link}";
        var body = string.Join("", paragraphs.Select(p => p.Trim()));
        var room = limit - head.Length - tail.Length;
        if (room < 10)
        {
            // A title that leaves no room for words is shortened itself; the link always stays whole.
            head = "【" + Cut(title, Math.Max(1, limit - tail.Length - 2 - 10)) + "】";
            room = limit - head.Length - tail.Length;
        }
        return head + Cut(body, Math.Max(0, room)) + tail;
    }

    private static string Cut(string text, int room) =>
        text.Length <= room ? text : room <= 1 ? "…"[..room] : text[..(room - 1)] + "…";

    /// <summary>
    /// The loudspeaker script: an opening that says who speaks and what about, the paragraphs as
    /// sentences with figures written as read, where to object, and the sign-off.
    /// </summary>
    public static string Broadcast(string organization, string title, IEnumerable<string> paragraphs, string? publicity,
        string? phone, string issuedOn)
    {
        var lines = new List<string>
        {
            $"各位村民，大家好！现在播送{organization}的通知：{title}。",
        };
        lines.AddRange(paragraphs.Select(p => p.Trim()).Where(p => p.Length > 0).Select(EndSentence));
        if (!string.IsNullOrWhiteSpace(publicity)) lines.Add(EndSentence(publicity));
        if (!string.IsNullOrWhiteSpace(phone)) lines.Add($"如有意见，请拨打监督电话{ReadAloud.PhoneDigits(phone)}。");
        lines.Add($"{organization}，{issuedOn}。");
        lines.Add("以上通知再播送一遍。");
        return string.Join("\n", lines.Select(ReadAloud.Text));
    }

    private static string EndSentence(string s) => s.Length > 0 && "。！？；：".Contains(s[^1]) ? s : s + "。";
}
