using System.Text;
using System.Text.RegularExpressions;

namespace XiheWorkflow.Domain.Channels;

/// <summary>
/// Writes figures the way an announcer reads them over the village loudspeaker, so that nobody
/// has to convert on air: 2024年5月10日 → 二〇二四年五月十日, 350元 → 三百五十元, 0954-1234567 digit by digit.
/// </summary>
public static partial class ReadAloud
{
    private const string Digits = "〇一二三四五六七八九";

    public static string Text(string text)
    {
        // A number the privacy guard masked is not read out in pieces.
        text = MaskedPattern().Replace(text, "（号码已隐去）");
        // Years and long codes first: they are read digit by digit, unlike amounts.
        text = YearPattern().Replace(text, m => DigitByDigit(m.Groups[1].Value) + "年");
        text = BracketYearPattern().Replace(text, m => m.Groups[1].Value + DigitByDigit(m.Groups[2].Value) + m.Groups[3].Value);
        text = CodePattern().Replace(text, m => PhoneDigits(m.Value));
        text = PercentPattern().Replace(text, m => "百分之" + Number(m.Groups[1].Value));
        text = NumberPattern().Replace(text, m => Number(m.Value));
        return text;
    }

    /// <summary>A telephone number as announcers read it: each digit, 1 as 幺 so it is not heard as 七.</summary>
    public static string PhoneDigits(string digits) =>
        string.Concat(digits.Where(char.IsAsciiDigit).Select(c => c == '1' ? '幺' : Digits[c - '0']));

    public static string DigitByDigit(string digits) => string.Concat(digits.Select(c => Digits[c - '0']));

    /// <summary>An amount or count, with a decimal part read digit by digit (3.5 → 三点五).</summary>
    public static string Number(string number)
    {
        var parts = number.Replace(",", "").Split('.');
        var whole = Integer(long.Parse(parts[0]));
        return parts.Length > 1 && parts[1].Length > 0 ? whole + "点" + DigitByDigit(parts[1]) : whole;
    }

    public static string Integer(long n)
    {
        if (n == 0) return "零";
        if (n < 0) return "负" + Integer(-n);
        var result = new StringBuilder();
        var groups = new[] { (100_000_000L, "亿"), (10_000L, "万"), (1L, "") };
        var needZero = false;
        foreach (var (unit, name) in groups)
        {
            var part = n / unit % 10_000;
            if (unit == 100_000_000L) part = n / unit;
            if (part == 0) { needZero = result.Length > 0; continue; }
            if (result.Length > 0 && (needZero || part < 1000)) result.Append('零');
            result.Append(UnderTenThousand(part)).Append(name);
            needZero = false;
        }
        var s = result.ToString();
        // 一十五 is written but 十五 is said.
        return s.StartsWith("一十", StringComparison.Ordinal) ? s[1..] : s;
    }

    private static string UnderTenThousand(long n)
    {
        var sb = new StringBuilder();
        var units = new[] { (1000, "千"), (100, "百"), (10, "十"), (1, "") };
        var zero = false;
        foreach (var (unit, name) in units)
        {
            var d = (int)(n / unit % 10);
            if (d == 0) { zero = sb.Length > 0; continue; }
            if (zero) { sb.Append('零'); zero = false; }
            sb.Append(Digits[d]).Append(name);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"[0-9Xx]*\*{2,}[0-9Xx]*")]
    private static partial Regex MaskedPattern();

    [GeneratedRegex(@"(?<!\d)(\d{4})年")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"([〔\[（(])(\d{4})([〕\]）)])")]
    private static partial Regex BracketYearPattern();

    [GeneratedRegex(@"(?<![\d.])(?:\d{3,4}-\d{7,8}|\d{7,})(?![\d.])")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)[%％]")]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")]
    private static partial Regex NumberPattern();
}
