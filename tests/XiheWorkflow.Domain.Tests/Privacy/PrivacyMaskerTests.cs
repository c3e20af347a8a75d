using XiheWorkflow.Domain.Privacy;

namespace XiheWorkflow.Domain.Tests.Privacy;

public class PrivacyMaskerTests
{
    [Fact]
    public void Mask_ReplacesEveryFindingAndKeepsTheRest()
    {
        var text = "户主马晓丽，身份证640422199710098285，电话+86 156-5423-5116，卡号：6222 0212 3456 7890 128。";
        PrivacyMasker.Mask(text, new DateOnly(2026, 11, 26))
            .ShouldBe("户主马晓丽，身份证640422********8285，电话+86 156****5116，卡号：***************0128。");
    }

    [Fact]
    public void Mask_TextWithoutFindings_IsUnchanged()
    {
        const string text = "硝河村4组，家庭人口5人，保障金额280元。";
        PrivacyMasker.Mask(text).ShouldBeSameAs(text);
    }

    [Fact]
    public void Mask_IsIdempotent()
    {
        var once = PrivacyMasker.Mask("11010519491231002x 13812345678 6222021234567890128");
        once.ShouldBe("110105********002X 138****5678 ***************0128");
        PrivacyMasker.Mask(once).ShouldBe(once);
        PrivacyScanner.Scan(once).ShouldBeEmpty();
    }
}
