using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Core.Tests.Admin;

public class ReferenceDataAdminTests
{
    private static readonly Actor Admin = new("admin-id", "系统管理员", new HashSet<string> { Roles.Admin });
    private static readonly Actor Officer = new("officer-id", "马晓梅", new HashSet<string> { Roles.DisclosureOfficer });

    private static async Task<ListReferenceData.Result> ListAsync(TestDatabase t) => await t.Get<ListReferenceData>().HandleAsync(Admin);

    private static CategorySettings SettingsOf(ListReferenceData.CategoryRow c) =>
        new(c.Name, c.DefaultKind, c.DefaultChannels, c.IsMajor, c.PublicityPeriod, c.PublicityUnit, c.WorkflowTemplateId);

    [Fact]
    public async Task List_NewDatabase_HoldsTheTownshipsOfficesCategoriesAndWorkflows()
    {
        await using var t = await TestDatabase.CreateAsync();
        var data = await ListAsync(t);
        data.Offices.Select(o => o.Name).ShouldContain("民生服务中心");
        data.Categories.Single(c => c.Name == "干部任前公示").PublicityUnit.ShouldBe(PeriodUnit.WorkingDays);
        data.Categories.ShouldAllBe(c => c.WorkflowTemplateName == "默认审核流程");
        data.Workflows.Single(w => w.Name == "默认审核流程").Stages.Select(s => s.Role)
            .ShouldBe([Roles.SupervisingLeader, Roles.DisclosureOfficer]);
    }

    [Fact]
    public async Task RenameOffice_CurrentVersion_RenamesAndAudits()
    {
        await using var t = await TestDatabase.CreateAsync();
        var office = (await ListAsync(t)).Offices.Single(o => o.Name == "自然资源所");

        await t.Get<RenameOffice>().HandleAsync(new RenameOffice.Command(office.Id, " 自然资源和规划所 ", office.Version), Admin);

        var after = (await ListAsync(t)).Offices.Single(o => o.Id == office.Id);
        after.Name.ShouldBe("自然资源和规划所");
        after.Version.ShouldBeGreaterThan(office.Version);
        await using var db = t.NewContext();
        var entry = await db.AuditEntries.SingleAsync();
        entry.Action.ShouldBe("Office.Renamed");
        entry.Details.ShouldBe("自然资源所 → 自然资源和规划所");
        entry.ActorName.ShouldBe("系统管理员");
    }

    [Fact]
    public async Task RenameOffice_StaleVersion_IsRefusedAndKeepsTheNewerName()
    {
        await using var t = await TestDatabase.CreateAsync();
        var office = (await ListAsync(t)).Offices.Single(o => o.Name == "自然资源所");
        await t.Get<RenameOffice>().HandleAsync(new RenameOffice.Command(office.Id, "自然资源和规划所", office.Version), Admin);

        var e = await Should.ThrowAsync<DomainException>(() =>
            t.Get<RenameOffice>().HandleAsync(new RenameOffice.Command(office.Id, "国土所", office.Version), Admin));

        e.Code.ShouldBe("Admin.StaleEdit");
        (await ListAsync(t)).Offices.Single(o => o.Id == office.Id).Name.ShouldBe("自然资源和规划所");
    }

    [Fact]
    public async Task RenameOffice_ToAnotherOfficesName_IsRefused()
    {
        await using var t = await TestDatabase.CreateAsync();
        var office = (await ListAsync(t)).Offices.Single(o => o.Name == "自然资源所");
        var e = await Should.ThrowAsync<DomainException>(() =>
            t.Get<RenameOffice>().HandleAsync(new RenameOffice.Command(office.Id, "综合办公室", office.Version), Admin));
        e.Code.ShouldBe("Office.NameTaken");
    }

    [Fact]
    public async Task AddOfficeThenDeactivate_ListsItInactiveAtTheEnd()
    {
        await using var t = await TestDatabase.CreateAsync();
        var id = await t.Get<AddOffice>().HandleAsync(new AddOffice.Command("应急管理办公室"), Admin);
        var added = (await ListAsync(t)).Offices[^1];
        added.Id.ShouldBe(id);

        await t.Get<SetOfficeActive>().HandleAsync(new SetOfficeActive.Command(id, false, added.Version), Admin);

        (await ListAsync(t)).Offices.Single(o => o.Id == id).IsActive.ShouldBeFalse();
        await using var db = t.NewContext();
        (await db.AuditEntries.OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync()).ShouldBe(["Office.Added", "Office.Deactivated"]);
    }

    [Fact]
    public async Task EditCategory_NewPeriodUnitAndWorkflow_IsSavedAndAudited()
    {
        await using var t = await TestDatabase.CreateAsync();
        var before = await ListAsync(t);
        var category = before.Categories.Single(c => c.Name == "低保公示");
        var correction = before.Workflows.Single(w => w.Name == "更正审核流程");

        await t.Get<EditCategory>().HandleAsync(new EditCategory.Command(category.Id, SettingsOf(category) with
        {
            PublicityPeriod = 10, PublicityUnit = PeriodUnit.WorkingDays, IsMajor = true,
            DefaultChannels = [Channel.NoticeBoard, Channel.WeChat], WorkflowTemplateId = correction.Id,
        }, category.Version), Admin);

        var after = (await ListAsync(t)).Categories.Single(c => c.Id == category.Id);
        after.PublicityPeriod.ShouldBe(10);
        after.PublicityUnit.ShouldBe(PeriodUnit.WorkingDays);
        after.IsMajor.ShouldBeTrue();
        after.DefaultChannels.ShouldBe([Channel.NoticeBoard, Channel.WeChat]);
        after.WorkflowTemplateName.ShouldBe("更正审核流程");
        await using var db = t.NewContext();
        (await db.AuditEntries.SingleAsync()).Action.ShouldBe("Category.Edited");
    }

    [Fact]
    public async Task EditCategory_StaleVersion_IsRefusedAndNothingChanges()
    {
        await using var t = await TestDatabase.CreateAsync();
        var category = (await ListAsync(t)).Categories.Single(c => c.Name == "招标采购");
        await t.Get<EditCategory>().HandleAsync(new EditCategory.Command(category.Id, SettingsOf(category) with { PublicityPeriod = 5 }, category.Version), Admin);

        var e = await Should.ThrowAsync<DomainException>(() => t.Get<EditCategory>().HandleAsync(
            new EditCategory.Command(category.Id, SettingsOf(category) with { PublicityPeriod = 20 }, category.Version), Admin));

        e.Code.ShouldBe("Admin.StaleEdit");
        (await ListAsync(t)).Categories.Single(c => c.Id == category.Id).PublicityPeriod.ShouldBe(5);
    }

    [Fact]
    public async Task EditCategory_PublicityWithoutPeriod_IsRefused()
    {
        await using var t = await TestDatabase.CreateAsync();
        var category = (await ListAsync(t)).Categories.Single(c => c.Name == "招标采购");
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<EditCategory>().HandleAsync(
            new EditCategory.Command(category.Id, SettingsOf(category) with { PublicityPeriod = null }, category.Version), Admin));
        e.Code.ShouldBe("Category.PublicityNeedsPeriod");
    }

    [Fact]
    public async Task AddCategory_Valid_AppearsWithItsSettings()
    {
        await using var t = await TestDatabase.CreateAsync();
        var workflow = (await ListAsync(t)).Workflows[0];
        await t.Get<AddCategory>().HandleAsync(new CategorySettings("临时救助公示", NoticeKind.Publicity,
            [Channel.NoticeBoard], false, 5, PeriodUnit.WorkingDays, workflow.Id), Admin);

        var added = (await ListAsync(t)).Categories[^1];
        added.Name.ShouldBe("临时救助公示");
        added.PublicityPeriod.ShouldBe(5);
        added.WorkflowTemplateId.ShouldBe(workflow.Id);
    }

    [Fact]
    public async Task EditWorkflow_WithoutDisclosureOfficerStage_IsRefused()
    {
        await using var t = await TestDatabase.CreateAsync();
        var workflow = (await ListAsync(t)).Workflows.Single(w => w.Name == "默认审核流程");
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<EditWorkflowTemplate>().HandleAsync(
            new EditWorkflowTemplate.Command(workflow.Id, new WorkflowSettings("默认审核流程", [Roles.SupervisingLeader, Roles.LeadingGroup]),
                workflow.Version), Admin));
        e.Code.ShouldBe("Workflow.NeedsDisclosureOfficer");
        (await ListAsync(t)).Workflows.Single(w => w.Id == workflow.Id).Stages.Count.ShouldBe(2);
    }

    [Fact]
    public async Task EditWorkflow_NewStages_AreSavedInOrderWithTheLeaderScopedToTheOffice()
    {
        await using var t = await TestDatabase.CreateAsync();
        var workflow = (await ListAsync(t)).Workflows.Single(w => w.Name == "默认审核流程");
        await t.Get<EditWorkflowTemplate>().HandleAsync(new EditWorkflowTemplate.Command(workflow.Id,
            new WorkflowSettings("默认审核流程", [Roles.OfficeHead, Roles.SupervisingLeader, Roles.DisclosureOfficer]), workflow.Version), Admin);

        var stages = (await ListAsync(t)).Workflows.Single(w => w.Id == workflow.Id).Stages;
        stages.ShouldBe([new WorkflowStage(Roles.OfficeHead), WorkflowStage.SupervisingLeader, WorkflowStage.DisclosureOfficer]);
    }

    [Fact]
    public async Task AddWorkflow_SameRoleTwice_IsRefused()
    {
        await using var t = await TestDatabase.CreateAsync();
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<AddWorkflowTemplate>().HandleAsync(
            new WorkflowSettings("两级审核", [Roles.DisclosureOfficer, Roles.DisclosureOfficer]), Admin));
        e.Code.ShouldBe("Workflow.DuplicateStage");
    }

    [Fact]
    public async Task EveryAdminUseCase_ByNonAdmin_IsRefused()
    {
        await using var t = await TestDatabase.CreateAsync();
        var data = await ListAsync(t);
        var office = data.Offices[0];
        var category = data.Categories[0];
        var workflow = data.Workflows[0];
        Func<Task>[] calls =
        [
            () => t.Get<ListReferenceData>().HandleAsync(Officer),
            () => t.Get<AddOffice>().HandleAsync(new AddOffice.Command("新科室"), Officer),
            () => t.Get<RenameOffice>().HandleAsync(new RenameOffice.Command(office.Id, "新名称", office.Version), Officer),
            () => t.Get<SetOfficeActive>().HandleAsync(new SetOfficeActive.Command(office.Id, false, office.Version), Officer),
            () => t.Get<EditCategory>().HandleAsync(new EditCategory.Command(category.Id, SettingsOf(category), category.Version), Officer),
            () => t.Get<AddCategory>().HandleAsync(SettingsOf(category) with { Name = "新类别" }, Officer),
            () => t.Get<EditWorkflowTemplate>().HandleAsync(new EditWorkflowTemplate.Command(workflow.Id,
                new WorkflowSettings("x", [Roles.DisclosureOfficer]), workflow.Version), Officer),
            () => t.Get<AddWorkflowTemplate>().HandleAsync(new WorkflowSettings("x", [Roles.DisclosureOfficer]), Officer),
            () => t.Get<ListUsers>().HandleAsync(Officer),
            () => t.Get<SetUserAccess>().HandleAsync(new SetUserAccess.Command("x", "x", [Roles.Admin], null, [], ""), Officer),
            () => t.Get<UnlockUser>().HandleAsync("x", Officer),
        ];
        foreach (var call in calls)
        {
            (await Should.ThrowAsync<DomainException>(call)).Code.ShouldBe("Auth.RoleRequired");
        }
        await using var db = t.NewContext();
        (await db.AuditEntries.AnyAsync()).ShouldBeFalse();
        (await db.Offices.SingleAsync(o => o.Id == office.Id)).Name.ShouldBe(office.Name);
    }
}
