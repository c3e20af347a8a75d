using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using XiheWorkflow.Core.Dashboard;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Reporting;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Requests;
using XiheWorkflow.Web.Features.Dashboard;

namespace XiheWorkflow.Web.Tests.Dashboard;

public class DashboardWidgetsTests : BunitContext, IAsyncLifetime
{
    private static readonly DashboardFilter Filter = new(2024, 1, 6);

    public DashboardWidgetsTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static DashboardView View() => new(Filter, true, true, [new OfficeOption(1, "综合办公室"), new OfficeOption(2, "民生服务中心")],
        new NowFigures(
            [new StateFigure(NoticeState.InReview, Roles.SupervisingLeader, 3, 4), new StateFigure(NoticeState.Approved, null, 2, 1)],
            [new CountBy<string>(Roles.SupervisingLeader, 2)], 2, 5, 1, 7, 8, 9, new ReportDue(2023, new DateOnly(2024, 1, 31), false, -100), true,
            WindowsClosingToday: 22, WindowsClosingSoon: 23, ReviewDue: 24, ReviewDueSoon: 25),
        new YearFigures(11, [new CountBy<int>(3, 11)], [new MonthChannelCount(3, Channel.WeChat, 4), new MonthChannelCount(3, Channel.PlatformDisclosure, 11)],
            [new NamedCount(1, "综合办公室", 11)], [new NamedCount(5, "政策文件", 11)],
            [new CountBy<ContentForm>(ContentForm.Video, 4)], [new CountBy<ContentOrigin>(ContentOrigin.SelfEdited, 4)], 12,
            new TargetFigures(3, 2, [new MissingInterpretation(42, "关于印发《一事一议办法》的通知", "综合办公室", false)], 10, 1),
            13, 14, 15, 16, 17, [new CountBy<ApplicationOutcome>(ApplicationOutcome.Disclosed, 18)]),
        [new OfficeFigures(1, "综合办公室", 19, 20, 21, 1.5, 21)]);

    [Theory]
    [InlineData("open-InReview-SupervisingLeader", "3", "metric=open%3AInReview.SupervisingLeader")]
    [InlineData("over-limit-SupervisingLeader", "2", "metric=reviews-over-limit%3ASupervisingLeader")]
    [InlineData("objections-open", "5", "metric=objections-open")]
    [InlineData("objections-overdue", "1", "metric=objections-overdue")]
    [InlineData("applications-due-soon", "7", "metric=applications-due-soon")]
    [InlineData("applications-overdue", "8", "metric=applications-overdue")]
    [InlineData("late-unpublished", "9", "metric=late-unpublished")]
    [InlineData("windows-closing-today", "22", "metric=windows-closing-today")]
    [InlineData("windows-closing-soon", "23", "metric=windows-closing-soon")]
    [InlineData("review-due", "24", "metric=review-due")]
    [InlineData("review-due-soon", "25", "metric=review-due-soon")]
    [InlineData("published", "11", "metric=published")]
    [InlineData("published-month-3", "3月 11", "month=3")]
    [InlineData("wechat-form-Video", "4", "metric=wechat-form%3AVideo")]
    [InlineData("late-published", "12", "metric=late-published")]
    [InlineData("comments-received", "13", "metric=comments-received")]
    [InlineData("comments-in-time", "14", "metric=comments-in-time")]
    [InlineData("applications-received", "17", "metric=applications-received")]
    [InlineData("outcome-Disclosed", "18", "metric=application-outcome%3ADisclosed")]
    [InlineData("office-published-1", "11", "office=1")]
    [InlineData("submissions-1", "19", "metric=submissions")]
    [InlineData("returns-1", "20", "metric=returns")]
    [InlineData("on-time-1", "100%", "metric=reviewed-on-time")]
    public void Widgets_EachNumber_IsALinkToItsList(string metric, string text, string inHref)
    {
        Render<MudBlazor.MudPopoverProvider>();
        var cut = Render<DashboardWidgets>(p => p.Add(w => w.View, View()));

        var link = cut.Find($"a[data-metric='{metric}']");
        link.TextContent.Trim().ShouldBe(text);
        var href = link.GetAttribute("href")!;
        href.ShouldStartWith("/dashboard/list?");
        href.ShouldContain(inHref);
        href.ShouldContain("year=2024");
        href.ShouldContain("to=6");
    }

    [Fact]
    public void Widgets_Targets_ShowProgressAndTheMissingDocuments()
    {
        var cut = Render<DashboardWidgets>(p => p.Add(w => w.View, View()));

        var targets = cut.Find("[data-widget='targets']");
        targets.TextContent.ShouldContain("2/3 件政策文件有解读");
        targets.TextContent.ShouldContain("1/10 件解读");
        targets.QuerySelector("a[href='/notices/42']")!.TextContent.ShouldBe("关于印发《一事一议办法》的通知");
        cut.FindAll(".mud-progress-linear").Count.ShouldBe(2);
    }

    [Fact]
    public void Widgets_WithoutApplications_HideTheApplicationNumbers()
    {
        var view = View();
        view = view with { SeesApplications = false, Now = view.Now with { ApplicationsDueSoon = null, ApplicationsOverdue = null },
            Year = view.Year with { ApplicationsReceived = null, ApplicationsByOutcome = null } };
        var cut = Render<DashboardWidgets>(p => p.Add(w => w.View, view));

        cut.FindAll("a[data-metric^='applications']").ShouldBeEmpty();
        cut.Find("[data-widget='report']").TextContent.ShouldContain("2023 年度报告 2024-01-31 前报送");
    }
}
