using System.Buffers;

namespace XiheWorkflow.Domain.Privacy;

/// <summary>
/// Finds resident ID, mobile and bank-card numbers in text (INTERFACES.md §3). One pass: the
/// vectorised search jumps from digit run to digit run, and each run is judged by its length and a
/// few neighbouring characters, so there is no backtracking and prose without digits costs almost
/// nothing. Full-width digits (０-９) count as digits: a leak typed on a Chinese keyboard is still a
/// leak.
/// </summary>
public static class PrivacyScanner
{
    private static readonly SearchValues<char> DigitChars = SearchValues.Create("0123456789０１２３４５６７８９");
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckChars = "10X98765432";
    private static readonly string[] AccountKeywords = ["卡号", "账号", "银行账户", "银行卡"];

    /// <summary>
    /// Birth dates are checked only for being real calendar dates (from 1800 on): without a "today"
    /// the scanner prefers a false alarm to a missed ID.
    /// </summary>
    public static IReadOnlyList<PrivacyFinding> Scan(string text) => Scan(text.AsSpan(), null);

    /// <summary>As <see cref="Scan(string)"/>, and a birth date after <paramref name="today"/> is no ID.</summary>
    public static IReadOnlyList<PrivacyFinding> Scan(string text, DateOnly today) => Scan(text.AsSpan(), today);

    public static IReadOnlyList<PrivacyFinding> Scan(ReadOnlySpan<char> text, DateOnly? today)
    {
        List<PrivacyFinding>? findings = null;
        var i = 0;
        while (i < text.Length)
        {
            var offset = text[i..].IndexOfAny(DigitChars);
            if (offset < 0) break;
            var start = i + offset;
            var end = RunEnd(text, start);
            i = Judge(text, start, end, today, ref findings);
        }
        return findings is null ? [] : findings;
    }

    /// <summary>Judges the digit run [start, end) and returns where scanning continues.</summary>
    private static int Judge(ReadOnlySpan<char> text, int start, int end, DateOnly? today, ref List<PrivacyFinding>? findings)
    {
        var length = end - start;
        switch (length)
        {
            case 17 or 18:
            {
                var idEnd = length == 18 ? end : end < text.Length && IsX(text[end]) ? end + 1 : -1;
                if (idEnd > 0 && !IsWordChar(text, start - 1) && !IsWordChar(text, idEnd)
                    && IsValidResidentId(text[start..idEnd], today))
                {
                    Add(ref findings, FindingKind.ResidentId, text, start, idEnd, MaskResidentId(text[start..idEnd]));
                    return idEnd;
                }
                break;
            }
            case 11 when IsMobileStart(text, start):
                Add(ref findings, FindingKind.Mobile, text, start, end, MaskMobile(text[start..end]));
                return end;
            case 13 when IsPlus(text, start - 1) && Digit(text[start]) == 8 && Digit(text[start + 1]) == 6 && IsMobileStart(text, start + 2):
                Add(ref findings, FindingKind.Mobile, text, start + 2, end, MaskMobile(text[(start + 2)..end]));
                return end;
            case 3 when IsMobileStart(text, start):
            {
                var mobileEnd = GroupedMobileEnd(text, end);
                if (mobileEnd > 0)
                {
                    Add(ref findings, FindingKind.Mobile, text, start, mobileEnd, MaskMobile(text[start..mobileEnd]));
                    return mobileEnd;
                }
                break;
            }
            case 4 when start < 2 || text[start - 1] != ' ' || !IsDigit(text[start - 2]):
            {
                var cardEnd = GroupedCardEnd(text, end);
                if (cardEnd > 0 && IsBankCard(text, start, cardEnd, today))
                {
                    Add(ref findings, FindingKind.BankCard, text, start, cardEnd, MaskBankCard(text[start..cardEnd]));
                    return cardEnd;
                }
                break;
            }
        }
        if (length is >= 16 and <= 19 && IsBankCard(text, start, end, today))
        {
            Add(ref findings, FindingKind.BankCard, text, start, end, MaskBankCard(text[start..end]));
        }
        return end;
    }

    /// <summary>After "138", expects a separator, 4 digits, a separator, 4 digits and no further digit.</summary>
    private static int GroupedMobileEnd(ReadOnlySpan<char> text, int pos)
    {
        if (pos + 10 > text.Length || !IsSeparator(text[pos]) || !IsSeparator(text[pos + 5])) return -1;
        for (var k = 1; k <= 4; k++)
        {
            if (!IsDigit(text[pos + k]) || !IsDigit(text[pos + 5 + k])) return -1;
        }
        return IsDigitAt(text, pos + 10) ? -1 : pos + 10;
    }

    /// <summary>
    /// After a first group of 4 digits, takes space-separated groups of 4, the last of which may be
    /// shorter; returns the end when the digits total 16–19 and no further group follows, else -1.
    /// A longer sequence of groups is a table of numbers (years, amounts), not a card.
    /// </summary>
    private static int GroupedCardEnd(ReadOnlySpan<char> text, int pos)
    {
        var digits = 4;
        while (IsSpaceThenDigit(text, pos))
        {
            var groupEnd = RunEnd(text, pos + 1);
            var group = groupEnd - pos - 1;
            if (group > 4 || digits + group > 19) return -1;
            digits += group;
            pos = groupEnd;
            if (group < 4)
            {
                if (IsSpaceThenDigit(text, pos)) return -1;
                break;
            }
        }
        return digits is >= 16 and <= 19 ? pos : -1;
    }

    private static bool IsSpaceThenDigit(ReadOnlySpan<char> text, int pos) =>
        pos + 1 < text.Length && text[pos] == ' ' && IsDigit(text[pos + 1]);

    private static bool IsBankCard(ReadOnlySpan<char> text, int start, int end, DateOnly? today)
    {
        Span<byte> digits = stackalloc byte[19];
        var n = 0;
        for (var k = start; k < end; k++)
        {
            if (text[k] == ' ') continue;
            if (n == 19) return false;
            digits[n++] = (byte)Digit(text[k]);
        }
        if (n < 16) return false;
        digits = digits[..n];
        if (n == 18 && IsValidResidentIdDigits(digits, checkChar: digits[17], today)) return false;
        return PassesLuhn(digits) || FollowsAccountKeyword(text, start);
    }

    private static bool PassesLuhn(ReadOnlySpan<byte> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var k = digits.Length - 1; k >= 0; k--)
        {
            var d = digits[k];
            if (doubleIt)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /// <summary>卡号/账号/银行账户/银行卡, then optionally a colon, with spaces around it.</summary>
    private static bool FollowsAccountKeyword(ReadOnlySpan<char> text, int start)
    {
        var p = SkipSpacesBack(text, start);
        if (p > 0 && text[p - 1] is ':' or '：') p = SkipSpacesBack(text, p - 1);
        var before = text[..p];
        foreach (var keyword in AccountKeywords)
        {
            if (before.EndsWith(keyword, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static int SkipSpacesBack(ReadOnlySpan<char> text, int p)
    {
        while (p > 0 && text[p - 1] is ' ' or '\t' or '\u3000') p--;
        return p;
    }

    public static bool IsValidResidentId(ReadOnlySpan<char> id, DateOnly? today)
    {
        if (id.Length != 18) return false;
        Span<byte> digits = stackalloc byte[17];
        for (var k = 0; k < 17; k++)
        {
            if (!IsDigit(id[k])) return false;
            digits[k] = (byte)Digit(id[k]);
        }
        int check;
        if (IsX(id[17])) check = 10;
        else if (IsDigit(id[17])) check = Digit(id[17]);
        else return false;
        return IsValidResidentIdDigits(digits, check, today);
    }

    /// <param name="checkChar">0–9, or 10 for X.</param>
    private static bool IsValidResidentIdDigits(ReadOnlySpan<byte> digits, int checkChar, DateOnly? today)
    {
        var year = digits[6] * 1000 + digits[7] * 100 + digits[8] * 10 + digits[9];
        var month = digits[10] * 10 + digits[11];
        var day = digits[12] * 10 + digits[13];
        if (year < 1800 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        if (today is { } t && new DateOnly(year, month, day) > t) return false;
        var sum = 0;
        for (var k = 0; k < 17; k++) sum += digits[k] * IdWeights[k];
        var expected = IdCheckChars[sum % 11];
        return checkChar == (expected == 'X' ? 10 : expected - '0');
    }

    private static string MaskResidentId(ReadOnlySpan<char> id)
    {
        Span<char> masked = stackalloc char[18];
        for (var k = 0; k < 18; k++)
        {
            masked[k] = k is >= 6 and < 14 ? '*' : Ascii(id[k]);
        }
        return new string(masked);
    }

    private static string MaskMobile(ReadOnlySpan<char> mobile)
    {
        Span<char> digits = stackalloc char[11];
        var n = 0;
        foreach (var c in mobile)
        {
            if (IsDigit(c)) digits[n++] = Ascii(c);
        }
        digits[3..7].Fill('*');
        return new string(digits);
    }

    private static string MaskBankCard(ReadOnlySpan<char> card)
    {
        Span<char> digits = stackalloc char[19];
        var n = 0;
        foreach (var c in card)
        {
            if (IsDigit(c)) digits[n++] = Ascii(c);
        }
        digits[..(n - 4)].Fill('*');
        return new string(digits[..n]);
    }

    private static void Add(ref List<PrivacyFinding>? findings, FindingKind kind, ReadOnlySpan<char> text, int start, int end, string masked)
    {
        findings ??= [];
        findings.Add(new PrivacyFinding(kind, start, end - start, new string(text[start..end]), masked));
    }

    private static int RunEnd(ReadOnlySpan<char> text, int pos)
    {
        while (pos < text.Length && IsDigit(text[pos])) pos++;
        return pos;
    }

    private static bool IsMobileStart(ReadOnlySpan<char> text, int pos) =>
        Digit(text[pos]) == 1 && Digit(text[pos + 1]) >= 3;

    private static bool IsDigit(char c) => (uint)(c - '0') <= 9 || (uint)(c - '０') <= 9;

    private static int Digit(char c) => c <= '9' ? c - '0' : c - '０';

    private static char Ascii(char c) => c switch
    {
        >= '０' and <= '９' => (char)(c - '０' + '0'),
        'x' or 'ｘ' or 'Ｘ' => 'X',
        _ => c,
    };

    private static bool IsDigitAt(ReadOnlySpan<char> text, int pos) => pos < text.Length && IsDigit(text[pos]);

    private static bool IsX(char c) => c is 'X' or 'x' or 'Ｘ' or 'ｘ';

    private static bool IsSeparator(char c) => c is ' ' or '-';

    private static bool IsPlus(ReadOnlySpan<char> text, int pos) => pos >= 0 && text[pos] is '+' or '＋';

    /// <summary>Latin letters and digits (ASCII or full-width) make a longer code; Chinese text does not.</summary>
    private static bool IsWordChar(ReadOnlySpan<char> text, int pos)
    {
        if (pos < 0 || pos >= text.Length) return false;
        var c = text[pos];
        return IsDigit(c) || char.IsAsciiLetter(c) || c is >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ';
    }
}
