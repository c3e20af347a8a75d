using XiheWorkflow.Domain.Channels;

namespace XiheWorkflow.Domain.Tests.Channels;

public class ReadAloudTests
{
    [Theory]
    [InlineData("2024年5月10日", "二〇二四年五月十日")]
    [InlineData("12月31日前", "十二月三十一日前")]
    [InlineData("每人350元", "每人三百五十元")]
    [InlineData("共10户", "共十户")]
    [InlineData("105人", "一百零五人")]
    [InlineData("1005元", "一千零五元")]
    [InlineData("12,000元", "一万二千元")]
    [InlineData("100000元", "十万元")]
    [InlineData("3.5亩", "三点五亩")]
    [InlineData("增长15%", "增长百分之十五")]
    [InlineData("西政发〔2024〕5号", "西政发〔二〇二四〕五号")]
    [InlineData("电话0954-7012345", "电话〇九五四七〇幺二三四五")]
    [InlineData("身份证640422********123X", "身份证（号码已隐去）")]
    public void Text_Figures_AreWrittenAsRead(string text, string read) => ReadAloud.Text(text).ShouldBe(read);
}

public class ChannelTextsTests
{
    [Fact]
    public void Weibo_LongBody_StaysWithinTheVisibleLengthWithTheWholeLink()
    {
        var text = ChannelTexts.Weibo("硝河乡养老服务补贴申领指南", [new string('字', 500)], "https://xihe.example.cn/public/notices/42");

        text.Length.ShouldBeLessThanOrEqualTo(ChannelTexts.WeiboVisibleLength);
        text.ShouldStartWith("【硝河乡养老服务补贴申领指南】");
        text.ShouldEndWith("https://xihe.example.cn/public/notices/42");
        text.ShouldContain("…");
    }

    [Fact]
    public void Broadcast_Paragraphs_BecomeSentencesWithFiguresRead()
    {
        var script = ChannelTexts.Broadcast("硝河乡人民政府", "关于发放补贴的通知", ["补贴每人350元", "名单共3条"], null, null, "2024年5月10日");

        script.Split('\n').ShouldBe([
            "各位村民，大家好！现在播送硝河乡人民政府的通知：关于发放补贴的通知。",
            "补贴每人三百五十元。",
            "名单共三条。",
            "硝河乡人民政府，二〇二四年五月十日。",
            "以上通知再播送一遍。",
        ]);
    }
}
