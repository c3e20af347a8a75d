using Microsoft.Extensions.Options;
using XiheWorkflow.Core.Reporting;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Tests.Requests;

public class ReportEditingTests
{
    [Fact]
    public async Task Text_OfANewYear_StartsFromLastYearsAndIsStoredPerYear()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var officer = await t.DemoActorAsync("officer");
        var save = t.Get<SaveReportText>();
        await save.HandleAsync(new SaveReportText.Command { Year = 2023, Problems = "公开栏更新不及时。", OtherMatters = "未收取信息处理费。" }, officer);

        var start = await t.Get<ReportQueries>().TextAsync(2024, officer);
        start.Problems.ShouldBe("公开栏更新不及时。");
        start.FromYear.ShouldBe(2023);
        start.Version.ShouldBe(0);

        await save.HandleAsync(new SaveReportText.Command { Year = 2024, Problems = "已改进。", OtherMatters = "无。", Version = 0 }, officer);
        (await t.Get<ReportQueries>().TextAsync(2024, officer)).Problems.ShouldBe("已改进。");
        (await t.Get<ReportQueries>().TextAsync(2023, officer)).Problems.ShouldBe("公开栏更新不及时。");
        var stale = await Should.ThrowAsync<DomainException>(() =>
            save.HandleAsync(new SaveReportText.Command { Year = 2024, Problems = "x", Version = 0 }, officer));
        stale.Code.ShouldBe("Admin.StaleEdit");
        var head = await t.DemoActorAsync("head");
        await Should.ThrowAsync<DomainException>(() => save.HandleAsync(new SaveReportText.Command { Year = 2025, Problems = "x" }, head));
    }

    [Fact]
    public async Task Export_StoredTextAndYearFigures_AppearInTheDocument()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var officer = await t.DemoActorAsync("officer");
        await t.Get<SaveReportText>().HandleAsync(new SaveReportText.Command { Year = 2024, Problems = "村级公开栏更新不及时。", OtherMatters = "本年度未收取信息处理费。" }, officer);
        await t.Get<SaveYearFigures>().HandleAsync(new SaveYearFigures.Command { Year = 2024, Licensing = 7, Penalty = 2, FeesTenThousandYuan = 1.5m }, officer);

        var (report, docx) = await t.Get<ExportAnnualReport>().DocxAsync(2024, await t.DemoActorAsync("head"));

        report.TableA.Licensing.ShouldBe(7);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        text.ShouldContain("村级公开栏更新不及时。");
        text.ShouldContain("本年度未收取信息处理费。");
        text.ShouldContain("西吉县硝河乡人民政府2024年政府信息公开工作年度报告");
    }

    [Theory]
    [InlineData("2025-01-02", null, 2024, "2025-01-31", true)]
    [InlineData("2025-02-01", null, 2024, "2025-01-31", false)]
    [InlineData("2025-02-10", "02-15", 2024, "2025-02-15", true)]
    public void Deadline_FromJanuary_SaysLastYearsReportIsDue(string today, string? configured, int year, string due, bool dueNow)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(
            new DateTimeOffset(DateOnly.Parse(today).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        var options = new XiheOptions();
        if (configured is not null) options.AnnualReportDue = configured;

        var result = new AnnualReportDeadline(Options.Create(options), clock).Current();

        result.Year.ShouldBe(year);
        result.DueOn.ShouldBe(DateOnly.Parse(due));
        result.IsDueNow.ShouldBe(dueNow);
    }
}
