using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using static XiheWorkflow.Domain.Tests.Notices.NoticeBuilder;

namespace XiheWorkflow.Domain.Tests.Notices;

public class NoticeWorkflowTests
{
    private static readonly string[] StageRoles = [Roles.SupervisingLeader, Roles.DisclosureOfficer, Roles.LeadingGroup];

    /// <summary>Every state (InReview once per stage) × every action × every role.</summary>
    public static TheoryData<NoticeState, int, NoticeAction, string> Cells()
    {
        var data = new TheoryData<NoticeState, int, NoticeAction, string>();
        foreach (var state in Enum.GetValues<NoticeState>())
        foreach (var stage in state == NoticeState.InReview ? [1, 2, 3] : new[] { 0 })
        foreach (var action in Enum.GetValues<NoticeAction>())
        foreach (var role in Roles.All)
            data.Add(state, stage, action, role);
        return data;
    }

    /// <summary>
    /// DESIGN.md §3 written out independently of <see cref="NoticeWorkflow.Table"/>: where the
    /// action leads (state, 1-based stage) when this role may take it, or null when it is refused.
    /// </summary>
    private static (NoticeState State, int Stage)? Expected(NoticeState state, int stage, NoticeAction action, string role) =>
        (state, action) switch
        {
            (NoticeState.Draft or NoticeState.Returned, NoticeAction.Submit) when role == Roles.Staff => (NoticeState.InReview, 1),
            (NoticeState.InReview, NoticeAction.Approve) when role == StageRoles[stage - 1] =>
                stage < StageRoles.Length ? (NoticeState.InReview, stage + 1) : (NoticeState.Approved, 0),
            (NoticeState.InReview, NoticeAction.Return) when role == StageRoles[stage - 1] => (NoticeState.Returned, 0),
            (NoticeState.InReview, NoticeAction.Reject) when role == StageRoles[stage - 1] => (NoticeState.Rejected, 0),
            (NoticeState.Approved, NoticeAction.Publish) when role == Roles.DisclosureOfficer => (NoticeState.Published, 0),
            (NoticeState.Published or NoticeState.InPublicity or NoticeState.PublicityEnded, NoticeAction.Withdraw)
                when role is Roles.DisclosureOfficer or Roles.LeadingGroup => (NoticeState.Withdrawn, 0),
            (NoticeState.Approved, NoticeAction.Schedule) when role == Roles.DisclosureOfficer => (NoticeState.Approved, 0),
            (NoticeState.InPublicity, NoticeAction.Extend) when role == Roles.DisclosureOfficer => (NoticeState.InPublicity, 0),
            // The builder's ended window had an objection: 办结 is the officer's. Closing is the scheduler's alone.
            (NoticeState.PublicityEnded, NoticeAction.Conclude) when role == Roles.DisclosureOfficer => (NoticeState.Concluded, 0),
            // After publication: 更正 (officer or the notice's author), 说明, 定期审查. Decisions on a
            // correction need one in review, which no builder state has.
            (NoticeState.Published or NoticeState.InPublicity, NoticeAction.SubmitCorrection or NoticeAction.Clarify)
                when role == Roles.DisclosureOfficer => (state, 0),
            (NoticeState.Published, NoticeAction.Renew) when role == Roles.DisclosureOfficer => (NoticeState.Published, 0),
            (NoticeState.Published, NoticeAction.Expire) when role == Roles.DisclosureOfficer => (NoticeState.Expired, 0),
            _ => null,
        };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Apply_EveryStateActionRole_SucceedsExactlyWhenTheTableAndGuardsAllow(NoticeState state, int stage, NoticeAction action, string role)
    {
        var notice = InState(state, Math.Max(stage, 1));
        // Submitting is the author's act: the author holds the role under test. Every other action is
        // taken by someone else who holds the role and supervises the office.
        var actor = action == NoticeAction.Submit ? Author with { Roles = new HashSet<string> { role } } : Person("t-" + role, role);
        var offered = notice.AvailableActions(actor).Contains(action);
        // 更正 is offered first; what is submitted is the correction drafted after the button.
        if (action == NoticeAction.SubmitCorrection && offered)
            notice.SaveCorrection(notice.Content with { Title = "更正后的标题" }, "标题有误", material: false, actor, T0.AddMinutes(30));
        var versionBefore = notice.Version;
        var eventsBefore = notice.Events.Count;

        var error = Record.Exception(() =>
        {
            if (action == NoticeAction.Submit) notice.Submit(actor, ThreeStages, T0.AddHours(1));
            else notice.Apply(action, actor, T0.AddHours(1), FullInput);
        });

        var expected = Expected(state, stage, action, role);
        if (expected is { } to)
        {
            error.ShouldBeNull();
            offered.ShouldBeTrue();
            notice.State.ShouldBe(to.State);
            if (to.State == NoticeState.InReview) notice.StageIndex.ShouldBe(to.Stage - 1);
            notice.Events.Count.ShouldBe(eventsBefore + 1);
            notice.Version.ShouldBeGreaterThan(versionBefore);
        }
        else
        {
            error.ShouldBeOfType<DomainException>();
            offered.ShouldBeFalse();
            notice.State.ShouldBe(state);
            if (state == NoticeState.InReview) notice.StageIndex.ShouldBe(stage - 1);
            notice.Events.Count.ShouldBe(eventsBefore);
            notice.Version.ShouldBe(versionBefore);
        }
    }

    [Theory]
    [InlineData(NoticeState.Draft)]
    [InlineData(NoticeState.Returned)]
    public void Submit_ByStaffWhoIsNotTheAuthor_Throws(NoticeState state)
    {
        var notice = InState(state);
        var e = Should.Throw<DomainException>(() => notice.Submit(Person("other-staff", Roles.Staff), ThreeStages, T0));
        e.Code.ShouldBe("Workflow.OnlyAuthor");
        notice.State.ShouldBe(state);
    }

    [Fact]
    public void Apply_Submit_ThrowsBecauseSubmitNeedsStages()
    {
        var notice = Draft();
        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Submit, Author, T0)).Code.ShouldBe("Workflow.SubmitNeedsStages");
        notice.State.ShouldBe(NoticeState.Draft);
    }

    [Fact]
    public void Approve_WhenActorIsAuthor_Throws()
    {
        // The author also holds the leader's role and supervises the office: still not their own reviewer.
        var author = Person("author", Roles.Staff, Roles.SupervisingLeader);
        var notice = Notice.Draft(Content(), author, T0);
        notice.Submit(author, ThreeStages, T0);

        var e = Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Approve, author, T0));
        e.Code.ShouldBe("Workflow.AuthorCannotReview");
        notice.AvailableActions(author).ShouldBeEmpty();
        notice.StageIndex.ShouldBe(0);
    }

    [Fact]
    public void Approve_BySameActorAtTwoStages_Throws()
    {
        var both = Person("both", Roles.SupervisingLeader, Roles.DisclosureOfficer);
        var notice = Submitted();
        notice.Apply(NoticeAction.Approve, both, T0);
        notice.StageIndex.ShouldBe(1);

        var e = Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Approve, both, T0));
        e.Code.ShouldBe("Workflow.AlreadyActedAtStage");
        notice.AvailableActions(both).ShouldBeEmpty();
        notice.StageIndex.ShouldBe(1);
    }

    [Fact]
    public void Approve_BySameActorInANewRoundAfterResubmit_Succeeds()
    {
        var leader = Person("leader", Roles.SupervisingLeader);
        var notice = Submitted();
        notice.Apply(NoticeAction.Approve, leader, T0);
        notice.Apply(NoticeAction.Return, Person("officer", Roles.DisclosureOfficer), T0, new DecisionInput("补充附件"));
        notice.Submit(Author, ThreeStages, T0);

        notice.Apply(NoticeAction.Approve, leader, T0);

        notice.StageIndex.ShouldBe(1);
    }

    [Fact]
    public void Approve_ByLeaderNotSupervisingOffice_Throws()
    {
        var notice = Submitted();
        var elsewhere = new NoticeActor("leader2", "别的领导", new HashSet<string> { Roles.SupervisingLeader }, new HashSet<int> { OtherOfficeId });

        var e = Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Approve, elsewhere, T0));
        e.Code.ShouldBe("Workflow.NotSupervisor");
        notice.AvailableActions(elsewhere).ShouldBeEmpty();
    }

    [Fact]
    public void Approve_ByRoleOtherThanTheStagesRole_Throws()
    {
        var notice = Submitted();
        var e = Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Approve, Person("officer", Roles.DisclosureOfficer), T0));
        e.Code.ShouldBe("Workflow.WrongStageRole");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Return_WithoutReason_Throws(string? reason)
    {
        var notice = Submitted();
        var e = Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Return, Person("leader", Roles.SupervisingLeader), T0, new DecisionInput(reason)));
        e.Code.ShouldBe("Workflow.ReasonRequired");
        notice.State.ShouldBe(NoticeState.InReview);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Reject_WithoutReason_Throws(string? reason)
    {
        var notice = Submitted();
        var e = Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Reject, Person("leader", Roles.SupervisingLeader), T0, new DecisionInput(reason)));
        e.Code.ShouldBe("Workflow.ReasonRequired");
        notice.State.ShouldBe(NoticeState.InReview);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Withdraw_WithoutReason_Throws(string? reason)
    {
        var notice = InState(NoticeState.Published);
        var e = Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Withdraw, Person("officer", Roles.DisclosureOfficer), T0, new DecisionInput(reason)));
        e.Code.ShouldBe("Workflow.ReasonRequired");
        notice.State.ShouldBe(NoticeState.Published);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Approve_AtLeadingGroupStageWithoutMeeting_Throws(bool withDate, bool withMinutes)
    {
        var notice = InState(NoticeState.InReview, 3);
        notice.CurrentStageNeedsMeeting.ShouldBeTrue();
        var input = new DecisionInput(null, withDate ? new DateOnly(2024, 5, 9) : null, withMinutes ? "纪要5号" : null);

        var e = Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Approve, Person("group", Roles.LeadingGroup), T0, input));
        e.Code.ShouldBe("Workflow.MeetingRequired");
        notice.State.ShouldBe(NoticeState.InReview);
        notice.StageIndex.ShouldBe(2);
    }

    [Fact]
    public void Approve_AtLeadingGroupStageWithMeeting_RecordsMeetingDateAndMinutes()
    {
        var notice = InState(NoticeState.InReview, 3);
        notice.Apply(NoticeAction.Approve, Person("group", Roles.LeadingGroup), T0, new DecisionInput(null, new DateOnly(2024, 5, 9), " 纪要5号 "));

        notice.State.ShouldBe(NoticeState.Approved);
        var e = notice.Events[^1];
        e.MeetingDate.ShouldBe(new DateOnly(2024, 5, 9));
        e.MinutesReference.ShouldBe("纪要5号");
        e.StageRole.ShouldBe(Roles.LeadingGroup);
    }

    [Fact]
    public void Approve_AtStageThatIsNotLeadingGroup_NeedsNoMeeting()
    {
        var notice = Submitted();
        notice.Apply(NoticeAction.Approve, Person("leader", Roles.SupervisingLeader), T0);
        notice.StageIndex.ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Submit_WithoutLegalBasis_Throws(string legalBasis)
    {
        var notice = Draft(Content(legalBasis: legalBasis));

        var e = Should.Throw<DomainException>(() => notice.Submit(Author, ThreeStages, T0));
        e.Code.ShouldBe("Notice.LegalBasisRequired");
        notice.State.ShouldBe(NoticeState.Draft);
        notice.CurrentRevision.ShouldBe(0);
        notice.Revisions.ShouldBeEmpty();
        notice.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Submit_WithoutStages_Throws()
    {
        var notice = Draft();
        Should.Throw<DomainException>(() => notice.Submit(Author, [], T0)).Code.ShouldBe("Workflow.NoStages");
        notice.State.ShouldBe(NoticeState.Draft);
    }

    [Fact]
    public void Submit_FreezesRevisionAndDecisionPointsAtIt()
    {
        var notice = Draft();
        var submitted = notice.Content;

        notice.Submit(Author, ThreeStages, T0.AddMinutes(5));
        notice.Apply(NoticeAction.Approve, Person("leader", Roles.SupervisingLeader), T0.AddMinutes(6));

        notice.CurrentRevision.ShouldBe(1);
        var revision = notice.Revisions.ShouldHaveSingleItem();
        revision.Number.ShouldBe(1);
        revision.Content.ShouldBe(submitted);
        revision.FrozenAtUtc.ShouldBe(T0.AddMinutes(5));
        revision.AuthorId.ShouldBe(Author.UserId);
        notice.Events.Select(e => e.Revision).ShouldBe([1, 1]);
        notice.Stages.ShouldBe(ThreeStages);
    }

    [Fact]
    public void Resubmit_AfterReturn_StartsFromStageOneWithNewRevision()
    {
        var notice = Submitted();
        notice.Apply(NoticeAction.Approve, Person("leader", Roles.SupervisingLeader), T0);
        notice.Apply(NoticeAction.Return, Person("officer", Roles.DisclosureOfficer), T0, new DecisionInput("请补充法律依据的条款"));
        notice.State.ShouldBe(NoticeState.Returned);
        var first = notice.Content;

        var changed = first with { Title = "关于开展2024年度春季植树活动的通知（修改稿）" };
        notice.Edit(changed, Author, T0.AddHours(1));
        notice.Submit(Author, ThreeStages, T0.AddHours(2));

        notice.State.ShouldBe(NoticeState.InReview);
        notice.StageIndex.ShouldBe(0);
        notice.CurrentStage.ShouldBe(WorkflowStage.SupervisingLeader);
        notice.CurrentRevision.ShouldBe(2);
        notice.Revisions.Select(r => r.Number).ShouldBe([1, 2]);
        notice.Revisions[0].Content.ShouldBe(first);
        notice.Revisions[1].Content.ShouldBe(changed);
        var submit = notice.Events[^1];
        submit.Action.ShouldBe(NoticeAction.Submit);
        submit.FromState.ShouldBe(NoticeState.Returned);
        submit.Revision.ShouldBe(2);
    }

    [Theory]
    [InlineData(NoticeState.InReview)]
    [InlineData(NoticeState.Approved)]
    [InlineData(NoticeState.Published)]
    [InlineData(NoticeState.Rejected)]
    [InlineData(NoticeState.Withdrawn)]
    public void Edit_AfterSubmit_Throws(NoticeState state)
    {
        var notice = InState(state);
        var before = notice.Content;

        var e = Should.Throw<DomainException>(() => notice.Edit(before with { Title = "改过的标题" }, Author, T0));
        e.Code.ShouldBe("Notice.NotEditable");
        notice.Title.ShouldBe(before.Title);
    }

    [Theory]
    [InlineData(NoticeState.Draft)]
    [InlineData(NoticeState.Returned)]
    public void Edit_ByAnotherPerson_Throws(NoticeState state)
    {
        var notice = InState(state);
        var e = Should.Throw<DomainException>(() => notice.Edit(notice.Content with { Title = "别人改的" }, Person("other", Roles.Staff), T0));
        e.Code.ShouldBe("Workflow.OnlyAuthor");
    }

    [Fact]
    public void Draft_ByNonStaff_Throws()
    {
        Should.Throw<DomainException>(() => Notice.Draft(Content(), Person("officer", Roles.DisclosureOfficer), T0))
            .Code.ShouldBe("Auth.RoleRequired");
    }

    [Fact]
    public void Apply_EveryTransition_RecordsWhoFromToStageRevisionAndReason()
    {
        var leader = Person("leader", Roles.SupervisingLeader);
        var officer = Person("officer", Roles.DisclosureOfficer);
        var group = Person("group", Roles.LeadingGroup);
        var notice = Draft();

        notice.Submit(Author, ThreeStages, T0.AddMinutes(1));
        notice.Apply(NoticeAction.Approve, leader, T0.AddMinutes(2));
        notice.Apply(NoticeAction.Return, officer, T0.AddMinutes(3), new DecisionInput(" 请补充附件 "));
        notice.Submit(Author, ThreeStages, T0.AddMinutes(4));
        notice.Apply(NoticeAction.Approve, leader, T0.AddMinutes(5));
        notice.Apply(NoticeAction.Approve, officer, T0.AddMinutes(6));
        notice.Apply(NoticeAction.Approve, group, T0.AddMinutes(7), new DecisionInput(null, new DateOnly(2024, 5, 9), "纪要5号"));
        notice.Apply(NoticeAction.Publish, officer, T0.AddMinutes(8));
        notice.Apply(NoticeAction.Withdraw, group, T0.AddMinutes(9), new DecisionInput("政策已废止"));

        var rows = notice.Events.Select(e => (e.Sequence, e.AtUtc, e.ActorId, e.ActorName, e.Action, e.FromState, e.ToState, e.Stage, e.StageRole, e.Revision, e.Reason)).ToList();
        rows.ShouldBe([
            (1, T0.AddMinutes(1), "author", "姓名-author", NoticeAction.Submit, NoticeState.Draft, NoticeState.InReview, null, null, 1, null),
            (2, T0.AddMinutes(2), "leader", "姓名-leader", NoticeAction.Approve, NoticeState.InReview, NoticeState.InReview, 1, Roles.SupervisingLeader, 1, null),
            (3, T0.AddMinutes(3), "officer", "姓名-officer", NoticeAction.Return, NoticeState.InReview, NoticeState.Returned, 2, Roles.DisclosureOfficer, 1, "请补充附件"),
            (4, T0.AddMinutes(4), "author", "姓名-author", NoticeAction.Submit, NoticeState.Returned, NoticeState.InReview, null, null, 2, null),
            (5, T0.AddMinutes(5), "leader", "姓名-leader", NoticeAction.Approve, NoticeState.InReview, NoticeState.InReview, 1, Roles.SupervisingLeader, 2, null),
            (6, T0.AddMinutes(6), "officer", "姓名-officer", NoticeAction.Approve, NoticeState.InReview, NoticeState.InReview, 2, Roles.DisclosureOfficer, 2, null),
            (7, T0.AddMinutes(7), "group", "姓名-group", NoticeAction.Approve, NoticeState.InReview, NoticeState.Approved, 3, Roles.LeadingGroup, 2, null),
            (8, T0.AddMinutes(8), "officer", "姓名-officer", NoticeAction.Publish, NoticeState.Approved, NoticeState.Published, null, null, 2, null),
            (9, T0.AddMinutes(9), "group", "姓名-group", NoticeAction.Withdraw, NoticeState.Published, NoticeState.Withdrawn, null, null, 2, "政策已废止"),
        ]);
        notice.PublishedAtUtc.ShouldBe(T0.AddMinutes(8));
        notice.WaitingSinceUtc.ShouldBe(T0.AddMinutes(9));
    }

    [Fact]
    public void Apply_Refused_RecordsNothing()
    {
        var notice = Submitted();
        var before = (notice.Version, notice.Events.Count, notice.UpdatedAtUtc);

        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Publish, Person("officer", Roles.DisclosureOfficer), T0.AddDays(1)));

        (notice.Version, notice.Events.Count, notice.UpdatedAtUtc).ShouldBe(before);
    }
}
