using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using XiheWorkflow.Core.Requests;
using XiheWorkflow.Domain.Requests;
using XiheWorkflow.Web.Features.Requests;

namespace XiheWorkflow.Web.Tests.Requests;

/// <summary>The register's status chip for an application waiting for its supplement, before and after the 补正期限.</summary>
public class DeadlineChipTests : BunitContext, IAsyncLifetime
{
    public DeadlineChipTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services dispose only asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static ApplicationRow Waiting(bool missed) => new(1, "YSQ-2024-001", ApplicantType.NaturalPerson, ApplicationChannel.InPerson,
        new DateOnly(2024, 5, 10), "申请公开", "马某", null, null, null, false,
        new ApplicationDeadline(null, ClockPause.AwaitingSupplement, null, false, false, ["等待申请人补正，计时中止。"],
            new DateOnly(2024, 5, 20), missed), 2);

    [Fact]
    public void SupplementDeadlinePassed_ShowsThatItMayBeClosedAsNotSupplemented()
    {
        var chip = Render<DeadlineChip>(p => p.Add(c => c.Row, Waiting(missed: true)));

        var flag = chip.Find("[data-state=supplement-missed]");
        flag.TextContent.Trim().ShouldBe("补正期限已过，可按逾期不补正办结");
        flag.GetAttribute("title").ShouldBe("补正期限：2024年5月20日");
        chip.FindAll("[data-state=paused]").ShouldBeEmpty();
    }

    [Fact]
    public void SupplementDeadlineAhead_ShowsWaitingWithTheDeadline()
    {
        var chip = Render<DeadlineChip>(p => p.Add(c => c.Row, Waiting(missed: false)));

        var waiting = chip.Find("[data-state=paused]");
        waiting.TextContent.Trim().ShouldBe("等待补正");
        waiting.GetAttribute("title").ShouldBe("补正期限：2024年5月20日");
        chip.FindAll("[data-state=supplement-missed]").ShouldBeEmpty();
    }
}
