using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Notices;

/// <summary>The server refuses what a person's role does not allow, audits the refusal, and changes nothing.</summary>
public class NoticeAuthorizationTests
{
    public static TheoryData<NoticeState, NoticeAction, string, string> Refusals() => new()
    {
        { NoticeState.Draft, NoticeAction.Submit, "staff2", "Workflow.OnlyAuthor" },
        { NoticeState.Draft, NoticeAction.Submit, "leader", "Workflow.OnlyAuthor" },
        { NoticeState.Draft, NoticeAction.Submit, "officer", "Workflow.OnlyAuthor" },
        { NoticeState.Draft, NoticeAction.Submit, "admin", "Workflow.OnlyAuthor" },
        { NoticeState.Returned, NoticeAction.Submit, "staff2", "Workflow.OnlyAuthor" },
        { NoticeState.InReview, NoticeAction.Approve, "staff", "Workflow.WrongStageRole" },
        { NoticeState.InReview, NoticeAction.Approve, "staff2", "Workflow.WrongStageRole" },
        { NoticeState.InReview, NoticeAction.Approve, "officer", "Workflow.WrongStageRole" },
        { NoticeState.InReview, NoticeAction.Approve, "group", "Workflow.WrongStageRole" },
        { NoticeState.InReview, NoticeAction.Approve, "head", "Workflow.WrongStageRole" },
        { NoticeState.InReview, NoticeAction.Approve, "admin", "Workflow.WrongStageRole" },
        { NoticeState.InReview, NoticeAction.Return, "officer", "Workflow.WrongStageRole" },
        { NoticeState.InReview, NoticeAction.Reject, "head", "Workflow.WrongStageRole" },
        { NoticeState.InReview, NoticeAction.Publish, "officer", "Workflow.NotAllowedInState" },
        { NoticeState.Approved, NoticeAction.Publish, "staff", "Auth.RoleRequired" },
        { NoticeState.Approved, NoticeAction.Publish, "leader", "Auth.RoleRequired" },
        { NoticeState.Approved, NoticeAction.Publish, "group", "Auth.RoleRequired" },
        { NoticeState.Approved, NoticeAction.Publish, "head", "Auth.RoleRequired" },
        { NoticeState.Approved, NoticeAction.Publish, "admin", "Auth.RoleRequired" },
        { NoticeState.Approved, NoticeAction.Approve, "officer", "Workflow.NotAllowedInState" },
        { NoticeState.Published, NoticeAction.Withdraw, "staff", "Auth.RoleRequired" },
        { NoticeState.Published, NoticeAction.Withdraw, "leader", "Auth.RoleRequired" },
        { NoticeState.Published, NoticeAction.Withdraw, "head", "Auth.RoleRequired" },
        { NoticeState.Published, NoticeAction.Withdraw, "admin", "Auth.RoleRequired" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Action_ByRoleThatMayNotTakeIt_IsRefusedAuditedAndChangesNothing(NoticeState state, NoticeAction action, string userName, string code)
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var (id, version) = await NoticeInStateAsync(t, state);
        var actor = await t.DemoActorAsync(userName);
        var auditBefore = (await t.AuditOfAsync(id)).Count;

        var e = await Should.ThrowAsync<DomainException>(() => action == NoticeAction.Submit
            ? t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(id, version), actor)
            : t.DecideAsync(actor, id, version, action, "理由", NoticeTestKit.MeetingDate, NoticeTestKit.Meeting));

        e.Code.ShouldBe(code);
        var notice = await t.LoadAsync(id);
        notice.State.ShouldBe(state);
        notice.Version.ShouldBe(version);
        var audit = await t.AuditOfAsync(id);
        audit.Count.ShouldBe(auditBefore + 1);
        audit[^1].ShouldSatisfyAllConditions(
            a => a.Action.ShouldBe("Notice.Refused"),
            a => a.ActorId.ShouldBe(actor.UserId),
            a => a.Reason.ShouldBe(code),
            a => a.Details.ShouldBe(action.ToString()),
            a => a.FromState.ShouldBe(state.ToString()),
            a => a.ToState.ShouldBe(state.ToString()));
    }

    [Fact]
    public async Task Approve_ByLeaderWhoDoesNotSuperviseTheOffice_IsRefusedAndAudited()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var (id, v) = await t.SubmittedAsync(staff, office: "党建办公室");
        var leader = await t.DemoActorAsync("leader");

        (await Should.ThrowAsync<DomainException>(() => t.DecideAsync(leader, id, v, NoticeAction.Approve))).Code.ShouldBe("Workflow.NotSupervisor");

        (await t.LoadAsync(id)).Version.ShouldBe(v);
        (await t.AuditOfAsync(id))[^1].Reason.ShouldBe("Workflow.NotSupervisor");
    }

    [Fact]
    public async Task SaveNoticeDraft_NewDraftByNonStaff_IsRefusedAndCreatesNothing()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        foreach (var userName in new[] { "leader", "officer", "group", "head", "admin" })
        {
            var actor = await t.DemoActorAsync(userName);
            (await Should.ThrowAsync<DomainException>(() => t.DraftAsync(actor))).Code.ShouldBe("Auth.RoleRequired");
        }
        await using var db = t.NewContext();
        (await db.Notices.AnyAsync()).ShouldBeFalse();
        // Each refusal is in the audit log, without a record since nothing was created.
        var refused = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Notice").OrderBy(a => a.Sequence).ToListAsync();
        refused.Count.ShouldBe(5);
        refused.ShouldAllBe(a => a.Action == "Notice.Refused" && a.Reason == "Auth.RoleRequired" && a.Details == "Created" && a.EntityId == null);
        refused.Select(a => a.ActorName).ShouldBe(["王建国", "马晓梅", "杨志强", "刘红", "系统管理员"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("officer", "Auth.RoleRequired")]
    [InlineData("admin", "Auth.RoleRequired")]
    [InlineData("staff2", "Workflow.OnlyAuthor")]
    public async Task SaveNoticeDraft_EditOfAnotherPersonsDraft_IsRefusedAuditedAndChangesNothing(string userName, string code)
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var draft = await t.DraftAsync(await t.DemoActorAsync("staff"));
        var actor = await t.DemoActorAsync(userName);

        var e = await Should.ThrowAsync<DomainException>(async () => await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            NoticeId = draft.NoticeId,
            ExpectedVersion = draft.Version,
            Title = "被别人改过的标题",
            CategoryId = await t.CategoryIdAsync("新闻动态"),
            OfficeId = await t.OfficeIdAsync("综合办公室"),
        }, actor));

        e.Code.ShouldBe(code);
        var notice = await t.LoadAsync(draft.NoticeId);
        notice.Title.ShouldBe("硝河乡召开2024年春季植树动员会");
        notice.Version.ShouldBe(draft.Version);
        (await t.AuditOfAsync(draft.NoticeId))[^1].ShouldSatisfyAllConditions(
            a => a.Action.ShouldBe("Notice.Refused"), a => a.Reason.ShouldBe(code), a => a.Details.ShouldBe("Edited"));
    }

    [Fact]
    public async Task RecordGroupDecision_ByNonLeadingGroup_IsRefusedAndApprovesNothing()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var (id, v) = await t.SubmittedAsync(await t.DemoActorAsync("staff"), "政策文件");
        var officer = await t.DemoActorAsync("officer");

        var e = await Should.ThrowAsync<DomainException>(() => t.Get<RecordGroupDecision>().HandleAsync(
            new RecordGroupDecision.Command([new(id, v)], NoticeTestKit.MeetingDate, NoticeTestKit.Meeting), officer));

        e.Code.ShouldBe("Auth.RoleRequired");
        (await t.LoadAsync(id)).Version.ShouldBe(v);
        (await t.AuditOfAsync(id))[^1].ShouldSatisfyAllConditions(
            a => a.Action.ShouldBe("Notice.Refused"),
            a => a.ActorId.ShouldBe(officer.UserId),
            a => a.Reason.ShouldBe("Auth.RoleRequired"),
            a => a.Details.ShouldBe("Approve"),
            a => a.FromState.ShouldBe("InReview"),
            a => a.ToState.ShouldBe("InReview"));
    }

    [Fact]
    public async Task RecordGroupDecision_WithoutMeetingRecord_IsRefusedForEachItemAndAudited()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var (a, va) = await t.SubmittedAsync(staff, "政策文件");
        var (b, vb) = await t.SubmittedAsync(staff, "政策文件", title: "关于调整农村低保标准的通知");

        var group = await t.DemoActorAsync("group");
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<RecordGroupDecision>().HandleAsync(
            new RecordGroupDecision.Command([new(a, va), new(b, vb)], NoticeTestKit.MeetingDate, " "), group));

        e.Code.ShouldBe("Workflow.MeetingRequired");
        foreach (var (id, v) in new[] { (a, va), (b, vb) })
        {
            (await t.LoadAsync(id)).Version.ShouldBe(v);
            (await t.AuditOfAsync(id))[^1].Reason.ShouldBe("Workflow.MeetingRequired");
        }
    }

    [Theory]
    [InlineData("staff2")]
    [InlineData("leader")]
    [InlineData("officer")]
    [InlineData("group")]
    [InlineData("head")]
    [InlineData("admin")]
    public async Task DetailsAsync_AnotherPersonsDraft_ReturnsNull(string userName)
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var draft = await t.DraftAsync(staff);
        var queries = t.Get<NoticeQueries>();

        (await queries.DetailsAsync(draft.NoticeId, await t.DemoActorAsync(userName))).ShouldBeNull();
        (await queries.DetailsAsync(draft.NoticeId, staff)).ShouldNotBeNull().CanEdit.ShouldBeTrue();
    }

    [Fact]
    public async Task DetailsAsync_SubmittedNoticeOfAnotherOffice_IsHiddenFromItsStaffButShownToReviewers()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var (id, _) = await t.SubmittedAsync(await t.DemoActorAsync("staff"));
        var queries = t.Get<NoticeQueries>();

        (await queries.DetailsAsync(id, await t.DemoActorAsync("staff2"))).ShouldBeNull();
        var forLeader = (await queries.DetailsAsync(id, await t.DemoActorAsync("leader"))).ShouldNotBeNull();
        forLeader.AvailableActions.ShouldBe([NoticeAction.Approve, NoticeAction.Return, NoticeAction.Reject]);
        forLeader.CanEdit.ShouldBeFalse();
        (await queries.DetailsAsync(id, await t.DemoActorAsync("officer"))).ShouldNotBeNull().AvailableActions.ShouldBeEmpty();
    }

    /// <summary>A 新闻动态 notice by staff (综合办公室) in the given state, via the use cases.</summary>
    private static async Task<(int Id, int Version)> NoticeInStateAsync(TestDatabase t, NoticeState state)
    {
        var staff = await t.DemoActorAsync("staff");
        if (state == NoticeState.Draft)
        {
            var d = await t.DraftAsync(staff);
            return (d.NoticeId, d.Version);
        }
        var (id, v) = await t.SubmittedAsync(staff);
        if (state == NoticeState.InReview) return (id, v);
        var leader = await t.DemoActorAsync("leader");
        if (state == NoticeState.Returned) return (id, await t.DecideAsync(leader, id, v, NoticeAction.Return, "请修改"));
        var officer = await t.DemoActorAsync("officer");
        v = await t.DecideAsync(leader, id, v, NoticeAction.Approve);
        v = await t.DecideAsync(officer, id, v, NoticeAction.Approve);
        if (state == NoticeState.Approved) return (id, v);
        v = await t.DecideAsync(officer, id, v, NoticeAction.Publish);
        if (state == NoticeState.Published) return (id, v);
        throw new ArgumentOutOfRangeException(nameof(state), state, null);
    }
}
