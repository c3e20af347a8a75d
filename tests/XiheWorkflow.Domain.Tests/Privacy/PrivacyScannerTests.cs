using XiheWorkflow.Domain.Privacy;

namespace XiheWorkflow.Domain.Tests.Privacy;

public class PrivacyScannerTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static PrivacyFinding Single(string text)
    {
        var findings = PrivacyScanner.Scan(text, Today);
        findings.Count.ShouldBe(1, $"findings in '{text}': {string.Join(", ", findings)}");
        return findings[0];
    }

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("440524188001010014", "440524********0014")]
    [InlineData("34052419800101001X", "340524********001X")]
    [InlineData("640422200002290028", "640422********0028")]
    public void Scan_ValidResidentId_FindsItMasked(string id, string masked)
    {
        var finding = Single($"户主身份证号{id}，家庭人口4人");
        finding.Kind.ShouldBe(FindingKind.ResidentId);
        finding.Index.ShouldBe(6);
        finding.Length.ShouldBe(18);
        finding.Value.ShouldBe(id);
        finding.Masked.ShouldBe(masked);
    }

    [Fact]
    public void Scan_LowerCaseX_IsFoundAndMaskedUpperCase()
    {
        var finding = Single("11010519491231002x");
        finding.Kind.ShouldBe(FindingKind.ResidentId);
        finding.Value.ShouldBe("11010519491231002x");
        finding.Masked.ShouldBe("110105********002X");
    }

    [Theory]
    [InlineData("440308199003141234")] // wrong check character (should be X)
    [InlineData("640422199902301233")] // 30 February, check character otherwise right
    [InlineData("640422190002290021")] // 1900 was no leap year
    [InlineData("640422209901011230")] // born in 2099
    [InlineData("640422199913011230")] // month 13
    public void Scan_InvalidResidentId_IsNoResidentId(string id)
    {
        PrivacyScanner.Scan($"身份证：{id}。", Today).ShouldNotContain(f => f.Kind == FindingKind.ResidentId);
    }

    [Fact]
    public void Scan_FutureBirthDate_CountsOnlyWithoutToday()
    {
        // Without a "today" the scanner errs towards a false alarm rather than a missed ID.
        PrivacyScanner.Scan("640422209901011230").ShouldContain(f => f.Kind == FindingKind.ResidentId);
        PrivacyScanner.Scan("640422209901011230", Today).ShouldNotContain(f => f.Kind == FindingKind.ResidentId);
        PrivacyScanner.Scan("640422202611260018", new DateOnly(2026, 11, 25)).ShouldNotContain(f => f.Kind == FindingKind.ResidentId);
    }

    [Fact]
    public void Scan_BirthDateToday_IsResidentId()
    {
        Single("640422202611260018").Kind.ShouldBe(FindingKind.ResidentId);
    }

    [Theory]
    [InlineData("911010519491231002X")]
    [InlineData("11010519491231002X7")]
    [InlineData("A11010519491231002X")]
    [InlineData("11010519491231002XB")]
    [InlineData("4405241880010100145")]
    [InlineData("ID440524188001010014")]
    public void Scan_IdInsideLongerRun_IsNoResidentId(string text)
    {
        PrivacyScanner.Scan(text, Today).ShouldNotContain(f => f.Kind == FindingKind.ResidentId);
    }

    [Fact]
    public void Scan_IdNextToChineseAndPunctuation_IsFound()
    {
        var findings = PrivacyScanner.Scan("号码:440524188001010014,(34052419800101001X)、11010519491231002X号", Today);
        findings.Select(f => f.Masked).ShouldBe(["440524********0014", "340524********001X", "110105********002X"]);
    }

    [Theory]
    [InlineData("640422********2812")]
    [InlineData("640422*********812")]
    [InlineData("151****0013")]
    [InlineData("6222 **** **** 0128")]
    [InlineData("***************0128")]
    public void Scan_AlreadyMasked_FindsNothing(string text)
    {
        PrivacyScanner.Scan($"已脱敏：{text}", Today).ShouldBeEmpty();
    }

    [Fact]
    public void Scan_FullWidthDigits_AreFound()
    {
        var id = Single("身份证４４０５２４１８８００１０１００１４");
        id.Kind.ShouldBe(FindingKind.ResidentId);
        id.Masked.ShouldBe("440524********0014");
        id.Value.ShouldBe("４４０５２４１８８００１０１００１４");

        Single("１１０１０５１９４９１２３１００２ｘ").Masked.ShouldBe("110105********002X");
        Single("电话１３８１２３４５６７８").Masked.ShouldBe("138****5678");
    }

    [Theory]
    [InlineData("13812345678", 0, 11)]
    [InlineData("联系电话：13812345678。", 5, 11)]
    [InlineData("Tel13812345678", 3, 11)]
    [InlineData("+8613812345678", 3, 11)]
    [InlineData("＋8613812345678", 3, 11)]
    [InlineData("+86 13812345678", 4, 11)]
    [InlineData("86-13812345678", 3, 11)]
    [InlineData("138 1234 5678", 0, 13)]
    [InlineData("138-1234-5678", 0, 13)]
    [InlineData("+86 138 1234 5678", 4, 13)]
    [InlineData("86-138-1234-5678", 3, 13)]
    [InlineData("0951-13812345678", 5, 11)]
    public void Scan_Mobile_EveryAllowedSpelling(string text, int index, int length)
    {
        var finding = Single(text);
        finding.Kind.ShouldBe(FindingKind.Mobile);
        finding.Index.ShouldBe(index);
        finding.Length.ShouldBe(length);
        finding.Masked.ShouldBe("138****5678");
    }

    [Theory]
    [InlineData("19912345678", "199****5678")]
    [InlineData("15654235116", "156****5116")]
    public void Scan_Mobile_AnySecondDigitFrom3To9(string text, string masked)
    {
        Single(text).Masked.ShouldBe(masked);
    }

    [Theory]
    [InlineData("8613812345678")]   // bare country code: one longer run
    [InlineData("138123456789")]
    [InlineData("913812345678")]
    [InlineData("12812345678")]     // 12x is no mobile prefix
    [InlineData("10012345678")]
    [InlineData("138 1234 56789")]
    [InlineData("138 12345678")]
    [InlineData("1381234 5678")]
    [InlineData("0951-5012345")]
    public void Scan_NotAMobile_FindsNothing(string text)
    {
        PrivacyScanner.Scan(text, Today).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("6222021234567890128", "***************0128")]
    [InlineData("6222 0212 3456 7890 128", "***************0128")]
    [InlineData("4111111111111111", "************1111")]
    [InlineData("4111 1111 1111 1111", "************1111")]
    public void Scan_BankCardPassingLuhn_IsFound(string card, string masked)
    {
        var finding = Single($"发放至{card}。");
        finding.Kind.ShouldBe(FindingKind.BankCard);
        finding.Index.ShouldBe(3);
        finding.Length.ShouldBe(card.Length);
        finding.Masked.ShouldBe(masked);
    }

    [Theory]
    [InlineData("4111 1111 1111 1111 2222")]
    [InlineData("2222 4111 1111 1111 1111")]
    [InlineData("4111 1111 1111 111 1")]
    [InlineData("2021 2022 2023 2024 2025 2026")]
    public void Scan_GroupsInsideALongerSequenceOfGroups_AreNoCard(string text)
    {
        PrivacyScanner.Scan($"统计：{text}。", Today).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("6212260200000000000")]
    [InlineData("6222021234567890127")]
    [InlineData("4111111111111112")]
    public void Scan_CardNumberFailingLuhn_WithoutKeyword_FindsNothing(string card)
    {
        PrivacyScanner.Scan($"编号{card}", Today).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("卡号6212260200000000000")]
    [InlineData("银行卡号：6212260200000000000")]
    [InlineData("账号: 6212260200000000000")]
    [InlineData("银行账户：  6212260200000000000")]
    [InlineData("银行卡 6212 2602 0000 0000 000")]
    [InlineData("社保卡账号：6212260200000000000")]
    public void Scan_CardNumberAfterKeyword_IsFoundEvenWhenLuhnFails(string text)
    {
        var finding = Single(text);
        finding.Kind.ShouldBe(FindingKind.BankCard);
        finding.Masked.ShouldBe("***************0000");
    }

    [Theory]
    [InlineData("卡号62122602000000")]          // 14 digits
    [InlineData("卡号621226020000000000000")]    // 21 digits
    [InlineData("卡号是哪个：6212260200000000000")]
    public void Scan_KeywordRule_NeedsRightLengthAndPosition(string text)
    {
        PrivacyScanner.Scan(text, Today).ShouldBeEmpty();
    }

    [Fact]
    public void Scan_ValidResidentIdAfterAccountKeyword_IsResidentIdNotCard()
    {
        Single("账号：440524188001010014").Kind.ShouldBe(FindingKind.ResidentId);
    }

    [Fact]
    public void Scan_MixedText_FindsAllInOrder()
    {
        var text = "张三，身份证11010519491231002X，电话138-1234-5678，卡号 6222 0212 3456 7890 128，地址略。";
        var findings = PrivacyScanner.Scan(text, Today);
        findings.Select(f => (f.Kind, f.Masked)).ShouldBe([
            (FindingKind.ResidentId, "110105********002X"),
            (FindingKind.Mobile, "138****5678"),
            (FindingKind.BankCard, "***************0128"),
        ]);
        foreach (var f in findings) text.Substring(f.Index, f.Length).ShouldBe(f.Value);
    }

    [Fact]
    public void Scan_OrdinaryNumbers_FindNothing()
    {
        PrivacyScanner.Scan("2024年12月31日，发放保障金350元，共60户，文号硝政发〔2024〕12号，电话0951-5012345。", Today).ShouldBeEmpty();
    }

    [Fact]
    public void Scan_EmptyText_FindsNothing()
    {
        PrivacyScanner.Scan("", Today).ShouldBeEmpty();
    }
}
