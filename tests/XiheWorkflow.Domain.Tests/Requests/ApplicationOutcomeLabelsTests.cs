using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Domain.Tests.Requests;

public class ApplicationOutcomeLabelsTests
{
    [Theory]
    [InlineData("Withheld.StateSecret", ApplicationOutcome.WithheldStateSecret)]
    [InlineData("属于国家秘密", ApplicationOutcome.WithheldStateSecret)]
    [InlineData("危及\"三安全一稳定\"", ApplicationOutcome.WithheldThreeSecurityOneStability)]
    [InlineData("Other.Other", ApplicationOutcome.OtherOther)]
    [InlineData("其他", ApplicationOutcome.OtherOther)]
    [InlineData("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", ApplicationOutcome.OtherNoSupplement)]
    [InlineData(" 予以公开 ", ApplicationOutcome.Disclosed)]
    public void TryParse_CodeOrLabel_Parses(string text, ApplicationOutcome expected)
    {
        CodeLabels.TryParse<ApplicationOutcome>(text, out var outcome).ShouldBeTrue();
        outcome.ShouldBe(expected);
    }

    [Theory]
    [InlineData("WithheldStateSecret")]
    [InlineData("Withheld")]
    [InlineData("3")]
    [InlineData("Foo")]
    [InlineData("")]
    public void TryParse_NotACode_Fails(string text) =>
        CodeLabels.TryParse<ApplicationOutcome>(text, out _).ShouldBeFalse();

    [Fact]
    public void Code_EveryOutcome_RoundTripsThroughCodeAndLabel()
    {
        ApplicationOutcomes.All.Count.ShouldBe(21);
        foreach (var o in ApplicationOutcomes.All)
        {
            CodeLabels.Code(o).ShouldBe(o.Code());
            CodeLabels.TryParse<ApplicationOutcome>(o.Code(), out var byCode).ShouldBeTrue();
            byCode.ShouldBe(o);
            CodeLabels.TryParse<ApplicationOutcome>(CodeLabels.Label(o), out var byLabel).ShouldBeTrue();
            byLabel.ShouldBe(o);
        }
    }

    [Theory]
    [InlineData("科研机构", ApplicantType.Research)]
    [InlineData("OtherOrganization", ApplicantType.OtherOrganization)]
    public void TryParse_ApplicantType_CodeOrLabel(string text, ApplicantType expected)
    {
        CodeLabels.TryParse<ApplicantType>(text, out var t).ShouldBeTrue();
        t.ShouldBe(expected);
    }

    [Fact]
    public void TryParse_NumberForPlainEnum_Fails() =>
        CodeLabels.TryParse<ApplicantType>("2", out _).ShouldBeFalse();
}
