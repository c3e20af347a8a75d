using XiheWorkflow.Core.Notices;

namespace XiheWorkflow.Core.Tests.Notices;

public class BodySanitizerTests
{
    [Fact]
    public void Sanitize_ScriptElement_IsRemovedWithItsCode()
    {
        var html = BodySanitizer.Sanitize("<p>通知</p><script>alert('x')</script>");
        html.ShouldNotContain("script", Case.Insensitive);
        html.ShouldNotContain("alert");
        html.ShouldContain("<p>通知</p>");
    }

    [Fact]
    public void Sanitize_EventHandlerAttributes_AreRemoved()
    {
        var html = BodySanitizer.Sanitize("<p onclick=\"steal()\" onmouseover=\"x()\">点击</p><img src=x onerror=alert(1)>");
        html.ShouldNotContain("onclick");
        html.ShouldNotContain("onmouseover");
        html.ShouldNotContain("onerror");
        html.ShouldNotContain("<img");
        html.ShouldContain("点击");
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">办事指南</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">办事指南</a>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">办事指南</a>")]
    public void Sanitize_JavascriptLink_IsRemovedButItsTextKept(string input)
    {
        var html = BodySanitizer.Sanitize(input);
        html.ShouldNotContain("javascript", Case.Insensitive);
        html.ShouldNotContain("href");
        html.ShouldContain("办事指南");
    }

    [Fact]
    public void Sanitize_StyleAttributesAndElements_AreRemoved()
    {
        var html = BodySanitizer.Sanitize(
            "<style>body{display:none}</style><p style=\"color:red;background:url(javascript:x)\">正文</p><span class=\"x\" id=\"y\">字</span>");
        html.ShouldNotContain("style", Case.Insensitive);
        html.ShouldNotContain("display:none");
        html.ShouldNotContain("class=");
        html.ShouldNotContain("id=");
        html.ShouldContain("<p>正文</p>");
    }

    [Fact]
    public void Sanitize_IframesObjectsAndForms_AreRemoved()
    {
        var html = BodySanitizer.Sanitize("<iframe src=\"https://evil.example\"></iframe><object data=x></object><form action=x><input name=a></form><p>留</p>");
        html.ShouldNotContain("iframe");
        html.ShouldNotContain("object");
        html.ShouldNotContain("form");
        html.ShouldNotContain("input");
        html.ShouldContain("<p>留</p>");
    }

    [Fact]
    public void Sanitize_WordFormatting_IsKept()
    {
        const string input =
            "<h1>硝河乡2024年低保公示</h1><h2>一、基本情况</h2><p>经村民代表评议，<strong>拟纳入</strong>低保<b>3户</b>。</p>" +
            "<ul><li>第一项</li></ul><ol><li>第二项</li></ol>" +
            "<table><thead><tr><th>户主</th><th>人数</th></tr></thead><tbody><tr><td colspan=\"2\">张*三</td></tr></tbody></table>";

        var html = BodySanitizer.Sanitize(input);

        html.ShouldBe(input);
    }

    [Fact]
    public void Sanitize_UnknownFormattingTag_KeepsItsText()
    {
        BodySanitizer.Sanitize("<p><font face=\"宋体\">各村委会：</font></p>").ShouldBe("<p>各村委会：</p>");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Sanitize_Empty_ReturnsEmpty(string? input) => BodySanitizer.Sanitize(input).ShouldBe("");

    [Fact]
    public void FromPlainText_Lines_BecomeEncodedParagraphs()
    {
        BodySanitizer.FromPlainText("第一行\r\n\r\n<第二行> & 第三\n").ShouldBe("<p>第一行</p><p>&lt;第二行&gt; &amp; 第三</p>");
    }
}
