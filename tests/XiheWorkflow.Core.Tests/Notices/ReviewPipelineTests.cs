using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Notices;

/// <summary>The review pipeline end to end on a real SQLite file with the demo people.</summary>
public class ReviewPipelineTests
{
    [Fact]
    public async Task DefaultWorkflow_LeaderThenOfficerThenPublish_PublishesWithIndexNumberAndAuditsEveryStep()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var leader = await t.DemoActorAsync("leader");
        var officer = await t.DemoActorAsync("officer");

        var draft = await t.DraftAsync(staff);
        var v = await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(draft.NoticeId, draft.Version), staff);
        var submitted = await t.LoadAsync(draft.NoticeId);
        submitted.Stages.ShouldBe([WorkflowStage.SupervisingLeader, WorkflowStage.DisclosureOfficer]);

        t.Clock.Advance(TimeSpan.FromHours(1));
        v = await t.DecideAsync(leader, draft.NoticeId, v, NoticeAction.Approve);
        t.Clock.Advance(TimeSpan.FromHours(1));
        v = await t.DecideAsync(officer, draft.NoticeId, v, NoticeAction.Approve);
        (await t.LoadAsync(draft.NoticeId)).State.ShouldBe(NoticeState.Approved);
        t.Clock.Advance(TimeSpan.FromHours(1));
        await t.DecideAsync(officer, draft.NoticeId, v, NoticeAction.Publish);

        var notice = await t.LoadAsync(draft.NoticeId);
        notice.State.ShouldBe(NoticeState.Published);
        notice.IndexNumber.ShouldBe("640422037/2024-00001");
        notice.PublishedAtUtc.ShouldBe(t.Clock.GetUtcNow().UtcDateTime);
        notice.Events.OrderBy(e => e.Sequence).Select(e => (e.ActorName, e.Action, e.FromState, e.ToState, e.Stage)).ShouldBe([
            ("张明", NoticeAction.Submit, NoticeState.Draft, NoticeState.InReview, (int?)null),
            ("王建国", NoticeAction.Approve, NoticeState.InReview, NoticeState.InReview, 1),
            ("马晓梅", NoticeAction.Approve, NoticeState.InReview, NoticeState.Approved, 2),
            ("马晓梅", NoticeAction.Publish, NoticeState.Approved, NoticeState.Published, null),
        ]);

        var audit = await t.AuditOfAsync(draft.NoticeId);
        audit.Select(a => (a.Action, a.ActorId, a.FromState, a.ToState, a.Revision)).ShouldBe([
            ("Notice.Created", staff.UserId, null, "Draft", null),
            ("Notice.Submit", staff.UserId, "Draft", "InReview", (int?)1),
            ("Notice.Approve", leader.UserId, "InReview", "InReview", 1),
            ("Notice.Approve", officer.UserId, "InReview", "Approved", 1),
            ("Notice.Publish", officer.UserId, "Approved", "Published", 1),
        ]);
    }

    [Fact]
    public async Task MajorCategory_LeaderOfficerGroupWithMeetingThenPublish_PublishesWithNextIndexNumber()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var leader = await t.DemoActorAsync("leader");
        var officer = await t.DemoActorAsync("officer");
        var group = await t.DemoActorAsync("group");

        // A news item published first takes 00001; the policy document gets the next number.
        var news = await t.SubmittedAsync(staff);
        var nv = await t.DecideAsync(leader, news.Id, news.Version, NoticeAction.Approve);
        nv = await t.DecideAsync(officer, news.Id, nv, NoticeAction.Approve);
        await t.DecideAsync(officer, news.Id, nv, NoticeAction.Publish);

        var (id, v) = await t.SubmittedAsync(staff, "政策文件", title: "硝河乡村规民约修订办法");
        (await t.LoadAsync(id)).Stages.ShouldBe([WorkflowStage.SupervisingLeader, WorkflowStage.DisclosureOfficer, WorkflowStage.LeadingGroup]);
        v = await t.DecideAsync(leader, id, v, NoticeAction.Approve);
        v = await t.DecideAsync(officer, id, v, NoticeAction.Approve);

        var details = await t.Get<NoticeQueries>().DetailsAsync(id, group);
        details.ShouldNotBeNull();
        details.NeedsMeeting.ShouldBeTrue();
        details.AvailableActions.ShouldContain(NoticeAction.Approve);
        (await Should.ThrowAsync<DomainException>(() => t.DecideAsync(group, id, v, NoticeAction.Approve)))
            .Code.ShouldBe("Workflow.MeetingRequired");

        v = await t.DecideAsync(group, id, v, NoticeAction.Approve, meetingDate: NoticeTestKit.MeetingDate, minutes: NoticeTestKit.Meeting);
        await t.DecideAsync(officer, id, v, NoticeAction.Publish);

        var notice = await t.LoadAsync(id);
        notice.State.ShouldBe(NoticeState.Published);
        notice.IndexNumber.ShouldBe("640422037/2024-00002");
        var groupDecision = notice.Events.Single(e => e.Stage == 3);
        groupDecision.StageRole.ShouldBe(Roles.LeadingGroup);
        groupDecision.MeetingDate.ShouldBe(NoticeTestKit.MeetingDate);
        groupDecision.MinutesReference.ShouldBe(NoticeTestKit.Meeting);
        (await t.AuditOfAsync(id)).Select(a => a.Action).ShouldBe([
            "Notice.Created", "Notice.Submit", "Notice.Approve", "Notice.Approve", "Notice.Refused", "Notice.Approve", "Notice.Publish",
        ]);
    }

    [Fact]
    public async Task FourStageWorkflow_OfficeHeadLeaderOfficerGroup_EachStageDecidedByItsRoleOnTheRevisionItJudged()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var admin = await t.DemoActorAsync("admin");
        var staff = await t.DemoActorAsync("staff");
        var head = await t.DemoActorAsync("head");
        var leader = await t.DemoActorAsync("leader");
        var officer = await t.DemoActorAsync("officer");
        var group = await t.DemoActorAsync("group");
        var queries = t.Get<NoticeQueries>();

        // 系统管理: the office head reads every draft first; 政策文件 is major, so the leading group comes last.
        var data = await t.Get<XiheWorkflow.Core.Admin.ListReferenceData>().HandleAsync(admin);
        var category = data.Categories.Single(c => c.Name == "政策文件");
        var template = data.Workflows.Single(w => w.Id == category.WorkflowTemplateId);
        await t.Get<XiheWorkflow.Core.Admin.EditWorkflowTemplate>().HandleAsync(new XiheWorkflow.Core.Admin.EditWorkflowTemplate.Command(template.Id,
            new XiheWorkflow.Core.Admin.WorkflowSettings(template.Name, [Roles.OfficeHead, Roles.SupervisingLeader, Roles.DisclosureOfficer]),
            template.Version), admin);

        var (id, v) = await t.SubmittedAsync(staff, "政策文件", title: "硝河乡村规民约修订办法");
        (await t.LoadAsync(id)).Stages.ShouldBe([new WorkflowStage(Roles.OfficeHead), WorkflowStage.SupervisingLeader,
            WorkflowStage.DisclosureOfficer, WorkflowStage.LeadingGroup]);
        (await queries.ReviewQueueAsync(head)).ShouldContain(n => n.Id == id);
        (await queries.ReviewQueueAsync(leader)).ShouldNotContain(n => n.Id == id);

        // Round 1 on revision 1: the head agrees, the leader sends it back.
        v = await t.DecideAsync(head, id, v, NoticeAction.Approve, "同意。");
        (await Should.ThrowAsync<DomainException>(() => t.DecideAsync(officer, id, v, NoticeAction.Approve))).Code.ShouldBe("Workflow.WrongStageRole");
        v = await t.DecideAsync(leader, id, v, NoticeAction.Return, "请补充修订依据。");

        // Round 2 on revision 2: all four stages in order, then 发布.
        var notice = await t.LoadAsync(id);
        v = (await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            NoticeId = id, ExpectedVersion = v, Title = notice.Title, BodyHtml = notice.BodyHtml + "<p>修订依据：乡人大决议。</p>",
            CategoryId = notice.CategoryId, OfficeId = notice.OfficeId, LegalBasis = notice.LegalBasis, Channels = notice.Channels,
        }, staff)).Version;
        v = await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(id, v), staff);
        v = await t.DecideAsync(head, id, v, NoticeAction.Approve, "同意。");
        v = await t.DecideAsync(leader, id, v, NoticeAction.Approve, "同意。");
        v = await t.DecideAsync(officer, id, v, NoticeAction.Approve, "同意。");
        (await queries.ReviewQueueAsync(group)).ShouldContain(n => n.Id == id);
        v = await t.DecideAsync(group, id, v, NoticeAction.Approve, meetingDate: NoticeTestKit.MeetingDate, minutes: NoticeTestKit.Meeting);
        (await t.LoadAsync(id)).State.ShouldBe(NoticeState.Approved);
        await t.DecideAsync(officer, id, v, NoticeAction.Publish);

        notice = await t.LoadAsync(id);
        notice.State.ShouldBe(NoticeState.Published);
        notice.IndexNumber.ShouldBe("640422037/2024-00001");
        notice.Revisions.Select(r => r.Number).ShouldBe([1, 2]);
        notice.Events.OrderBy(e => e.Sequence).Select(e => (e.ActorName, e.Action, e.Stage, e.StageRole, e.Revision)).ShouldBe([
            ("张明", NoticeAction.Submit, (int?)null, (string?)null, (int?)1),
            ("刘红", NoticeAction.Approve, 1, Roles.OfficeHead, 1),
            ("王建国", NoticeAction.Return, 2, Roles.SupervisingLeader, 1),
            ("张明", NoticeAction.Submit, null, null, 2),
            ("刘红", NoticeAction.Approve, 1, Roles.OfficeHead, 2),
            ("王建国", NoticeAction.Approve, 2, Roles.SupervisingLeader, 2),
            ("马晓梅", NoticeAction.Approve, 3, Roles.DisclosureOfficer, 2),
            ("杨志强", NoticeAction.Approve, 4, Roles.LeadingGroup, 2),
            ("马晓梅", NoticeAction.Publish, null, null, 2),
        ]);
        notice.Events.Single(e => e.Stage == 4).MinutesReference.ShouldBe(NoticeTestKit.Meeting);
    }

    [Fact]
    public async Task ReturnThenResubmit_ShowsReasonToAuthorAndRestartsAtStageOneWithRevisionTwo()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var leader = await t.DemoActorAsync("leader");
        var officer = await t.DemoActorAsync("officer");
        var queries = t.Get<NoticeQueries>();

        var (id, v) = await t.SubmittedAsync(staff);
        v = await t.DecideAsync(leader, id, v, NoticeAction.Approve);
        t.Clock.Advance(TimeSpan.FromHours(2));
        v = await t.DecideAsync(officer, id, v, NoticeAction.Return, "请注明会议的具体地点");

        var work = await queries.MyWorkAsync(staff);
        var returned = work.Returned.ShouldHaveSingleItem();
        returned.Id.ShouldBe(id);
        returned.LastReason.ShouldBe("请注明会议的具体地点");
        work.Submitted.ShouldBeEmpty();
        (await queries.DetailsAsync(id, staff))!.CanEdit.ShouldBeTrue();

        var edit = await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            NoticeId = id,
            ExpectedVersion = v,
            Title = "硝河乡在乡政府会议室召开2024年春季植树动员会",
            BodyHtml = "<p>5月9日，硝河乡在乡政府会议室召开春季植树动员会。</p>",
            CategoryId = await t.CategoryIdAsync("新闻动态"),
            OfficeId = await t.OfficeIdAsync("综合办公室"),
            LegalBasis = "《中华人民共和国政府信息公开条例》第二十条",
        }, staff);
        t.Clock.Advance(TimeSpan.FromHours(1));
        await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(id, edit.Version), staff);

        var notice = await t.LoadAsync(id);
        notice.State.ShouldBe(NoticeState.InReview);
        notice.StageIndex.ShouldBe(0);
        notice.CurrentRevision.ShouldBe(2);
        notice.Revisions.OrderBy(r => r.Number).Select(r => r.Content.Title)
            .ShouldBe(["硝河乡召开2024年春季植树动员会", "硝河乡在乡政府会议室召开2024年春季植树动员会"]);
        // The same leader may decide stage 1 again: a new revision is a new round.
        (await t.Get<NoticeQueries>().ReviewQueueAsync(leader)).Select(n => n.Id).ShouldBe([id]);
        (await t.AuditOfAsync(id)).Last().ShouldSatisfyAllConditions(
            a => a.Action.ShouldBe("Notice.Submit"),
            a => a.FromState.ShouldBe("Returned"),
            a => a.Revision.ShouldBe(2));
    }

    [Fact]
    public async Task ConcurrentDecisions_WithSameExpectedVersion_OneWinsTheOtherIsToldItMovedOn()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var leader = await t.DemoActorAsync("leader");
        var officer = await t.DemoActorAsync("officer");
        var (id, v) = await t.SubmittedAsync(staff);
        v = await t.DecideAsync(leader, id, v, NoticeAction.Approve);

        var approve = Task.Run(() => t.DecideAsync(officer, id, v, NoticeAction.Approve));
        var reject = Task.Run(() => t.DecideAsync(officer, id, v, NoticeAction.Reject, "不宜公开"));
        var results = await Task.WhenAll(Outcome(approve), Outcome(reject));

        results.Count(r => r is null).ShouldBe(1);
        var loser = results.Single(r => r is not null).ShouldBeOfType<DomainException>();
        loser.Code.ShouldBe("Workflow.MovedOn");
        var notice = await t.LoadAsync(id);
        var winner = results[0] is null ? NoticeAction.Approve : NoticeAction.Reject;
        notice.State.ShouldBe(winner == NoticeAction.Approve ? NoticeState.Approved : NoticeState.Rejected);
        notice.Version.ShouldBe(v + 1);
        notice.Events.OrderBy(e => e.Sequence).Last().Action.ShouldBe(winner);
        notice.Events.Count(e => e.Stage == 2).ShouldBe(1);
        var audit = await t.AuditOfAsync(id);
        audit.Count(a => a.Action == $"Notice.{winner}" && a.ActorId == officer.UserId).ShouldBe(1);
        audit.Count(a => a.Action is "Notice.Approve" or "Notice.Reject").ShouldBe(2); // the leader's stage 1 and the winner
        audit.ShouldContain(a => a.Action == "Notice.Refused" && a.Reason == "Workflow.MovedOn");
    }

    [Fact]
    public async Task ConcurrentDecisions_BothLoadedBeforeEitherSaves_SecondSaveIsRefusedNotOverwritten()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var leader = await t.DemoActorAsync("leader");
        var officer = await t.DemoActorAsync("officer");
        var (id, v) = await t.SubmittedAsync(staff);
        v = await t.DecideAsync(leader, id, v, NoticeAction.Approve);

        // Both decisions have loaded the notice at the same version and decided before either saves:
        // the race the version check alone cannot see, which only the concurrency token catches.
        var bothDecided = new CountdownEvent(2);
        NoticeChange.ChangeBody Decide(NoticeAction action, string? reason) => (_, notice, actor, now) =>
        {
            notice.Apply(action, actor, now, new DecisionInput(reason));
            bothDecided.Signal();
            bothDecided.Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue();
            return Task.CompletedTask;
        };
        var approve = Task.Run(() => t.Get<NoticeChange>().RunAsync(officer, id, v, "Approve", null, Decide(NoticeAction.Approve, null), default));
        var reject = Task.Run(() => t.Get<NoticeChange>().RunAsync(officer, id, v, "Reject", "不宜公开", Decide(NoticeAction.Reject, "不宜公开"), default));
        var results = await Task.WhenAll(Outcome(approve), Outcome(reject));

        results.Count(r => r is null).ShouldBe(1);
        results.Single(r => r is not null).ShouldBeOfType<DomainException>().Code.ShouldBe("Workflow.MovedOn");
        var notice = await t.LoadAsync(id);
        notice.Version.ShouldBe(v + 1);
        notice.Events.Count.ShouldBe(3);
        notice.State.ShouldBeOneOf(NoticeState.Approved, NoticeState.Rejected);
        notice.Events.OrderBy(e => e.Sequence).Last().ToState.ShouldBe(notice.State);
        var audit = await t.AuditOfAsync(id);
        audit.Count(a => a.Action is "Notice.Approve" or "Notice.Reject").ShouldBe(2);
        audit.ShouldContain(a => a.Action == "Notice.Refused" && a.Reason == "Workflow.MovedOn");
    }

    [Fact]
    public async Task StaleExpectedVersion_IsRefusedAsMovedOnAndAudited()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var leader = await t.DemoActorAsync("leader");
        var (id, v) = await t.SubmittedAsync(staff);

        var e = await Should.ThrowAsync<DomainException>(() => t.DecideAsync(leader, id, v - 1, NoticeAction.Approve));

        e.Code.ShouldBe("Workflow.MovedOn");
        (await t.LoadAsync(id)).ShouldSatisfyAllConditions(n => n.Version.ShouldBe(v), n => n.StageIndex.ShouldBe(0));
        (await t.AuditOfAsync(id)).Last().ShouldSatisfyAllConditions(
            a => a.Action.ShouldBe("Notice.Refused"), a => a.Reason.ShouldBe("Workflow.MovedOn"), a => a.Details.ShouldBe("Approve"));
    }

    [Fact]
    public async Task RecordGroupDecision_SeveralItems_ApprovesEachAndReportsPerItem()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var leader = await t.DemoActorAsync("leader");
        var officer = await t.DemoActorAsync("officer");
        var group = await t.DemoActorAsync("group");

        async Task<(int Id, int Version)> AtGroupStageAsync(string title)
        {
            var (id, v) = await t.SubmittedAsync(staff, "政策文件", title: title);
            v = await t.DecideAsync(leader, id, v, NoticeAction.Approve);
            return (id, await t.DecideAsync(officer, id, v, NoticeAction.Approve));
        }
        var a = await AtGroupStageAsync("硝河乡村规民约修订办法");
        var b = await AtGroupStageAsync("硝河乡农村人居环境整治实施方案");
        var stale = await AtGroupStageAsync("硝河乡防汛应急预案");
        var early = await t.SubmittedAsync(staff, "政策文件", title: "硝河乡集体经济管理办法"); // still at the leader's stage

        var outcomes = await t.Get<RecordGroupDecision>().HandleAsync(new RecordGroupDecision.Command(
            [new(a.Id, a.Version), new(b.Id, b.Version), new(stale.Id, stale.Version - 1), new(early.Id, early.Version)],
            NoticeTestKit.MeetingDate, NoticeTestKit.Meeting), group);

        outcomes.Select(o => (o.NoticeId, o.Succeeded, o.ErrorCode)).ShouldBe([
            (a.Id, true, null), (b.Id, true, null), (stale.Id, false, "Workflow.MovedOn"), (early.Id, false, "Workflow.WrongStageRole"),
        ]);
        foreach (var id in new[] { a.Id, b.Id })
        {
            var n = await t.LoadAsync(id);
            n.State.ShouldBe(NoticeState.Approved);
            n.Events.OrderBy(e => e.Sequence).Last().ShouldSatisfyAllConditions(
                e => e.MeetingDate.ShouldBe(NoticeTestKit.MeetingDate), e => e.MinutesReference.ShouldBe(NoticeTestKit.Meeting));
        }
        (await t.LoadAsync(stale.Id)).StageIndex.ShouldBe(2);
        (await t.LoadAsync(early.Id)).StageIndex.ShouldBe(0);
    }

    [Fact]
    public async Task RecordGroupDecision_WithoutMeeting_RefusesEverything()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var group = await t.DemoActorAsync("group");
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<RecordGroupDecision>().HandleAsync(
            new RecordGroupDecision.Command([new(1, 1)], NoticeTestKit.MeetingDate, " "), group));
        e.Code.ShouldBe("Workflow.MeetingRequired");
    }

    [Fact]
    public async Task ReviewQueueAsync_ForLeader_ShowsOnlyStageOneItemsOfSupervisedOfficesOldestFirst()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var staff2 = await t.DemoActorAsync("staff2");
        var leader = await t.DemoActorAsync("leader");
        var officer = await t.DemoActorAsync("officer");

        var older = await t.SubmittedAsync(staff2, office: "民生服务中心", title: "民生服务中心开展义诊活动");
        t.Clock.Advance(TimeSpan.FromHours(1));
        var newer = await t.SubmittedAsync(staff, title: "综合办公室开展档案整理");
        t.Clock.Advance(TimeSpan.FromHours(1));
        await t.SubmittedAsync(staff, office: "党建办公室", title: "党建办公室组织主题党日"); // not his office
        var passed = await t.SubmittedAsync(staff, title: "已过分管领导的事项");
        await t.DecideAsync(leader, passed.Id, passed.Version, NoticeAction.Approve);  // now at the officer's stage
        await t.DraftAsync(staff, title: "还没提交的草稿");

        var queue = await t.Get<NoticeQueries>().ReviewQueueAsync(leader);

        queue.Select(n => n.Id).ShouldBe([older.Id, newer.Id]);
        queue[0].OfficeName.ShouldBe("民生服务中心");
        queue.ShouldAllBe(n => n.StageRole == Roles.SupervisingLeader && n.StageNumber == 1 && n.StageCount == 2);
        (await t.Get<NoticeQueries>().ReviewQueueAsync(officer)).Select(n => n.Id).ShouldBe([passed.Id]);
    }

    private static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
