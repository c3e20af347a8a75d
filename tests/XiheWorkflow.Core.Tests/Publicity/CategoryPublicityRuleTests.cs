using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Publicity;

public class CategoryPublicityRuleTests
{
    private static async Task<ListReferenceData.CategoryRow> RowAsync(TestDatabase t, string name) =>
        (await t.Get<ListReferenceData>().HandleAsync(await t.DemoActorAsync("admin"))).Categories.Single(c => c.Name == name);

    private static CategorySettings SettingsOf(ListReferenceData.CategoryRow r) =>
        new(r.Name, r.DefaultKind, r.DefaultChannels, r.IsMajor, r.PublicityPeriod, r.PublicityUnit, r.WorkflowTemplateId,
            r.PublicationDayCounts, r.MoveEndOffHoliday, r.TimelinessLimitDays);

    [Fact]
    public async Task EditCategory_PublicationDayNotCounted_NextPublicationStartsTheDayAfter()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var row = await RowAsync(t, "低保公示");
        row.PublicationDayCounts.ShouldBeTrue();
        row.TimelinessLimitDays.ShouldBe(20);
        await t.Get<EditCategory>().HandleAsync(new EditCategory.Command(row.Id,
            SettingsOf(row) with { PublicationDayCounts = false, MoveEndOffHoliday = true, TimelinessLimitDays = 10 }, row.Version),
            await t.DemoActorAsync("admin"));

        var edited = await RowAsync(t, "低保公示");
        (edited.PublicationDayCounts, edited.MoveEndOffHoliday, edited.TimelinessLimitDays).ShouldBe((false, true, 10));
        var id = await t.PublishedPublicityAsync();
        var n = await t.LoadAsync(id);
        n.Window!.Format().ShouldBe("公示期：2024年5月11日至2024年5月17日");
    }

    [Fact]
    public async Task EditCategory_TimelinessZero_IsRefused()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var row = await RowAsync(t, "低保公示");
        var e = await Should.ThrowAsync<DomainException>(async () => await t.Get<EditCategory>().HandleAsync(
            new EditCategory.Command(row.Id, SettingsOf(row) with { TimelinessLimitDays = 0 }, row.Version), await t.DemoActorAsync("admin")));
        e.Code.ShouldBe("Category.TimelinessOutOfRange");
    }
}
