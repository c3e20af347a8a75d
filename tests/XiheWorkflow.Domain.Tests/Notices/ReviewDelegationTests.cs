using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using static XiheWorkflow.Domain.Tests.Notices.NoticeBuilder;

namespace XiheWorkflow.Domain.Tests.Notices;

/// <summary>代理审核: a delegate decides the stages the delegator could, and every guard holds for both.</summary>
public class ReviewDelegationTests
{
    /// <summary>The leader who supervises the notice's office, away.</summary>
    private static readonly NoticeActor Away = Person("leader-away", Roles.SupervisingLeader);

    /// <summary>A leader of another office, standing in for <paramref name="delegator"/>.</summary>
    private static NoticeActor StandIn(NoticeActor delegator, string id = "leader-other", params string[] extraRoles) =>
        new NoticeActor(id, $"姓名-{id}", new HashSet<string>([Roles.SupervisingLeader, .. extraRoles]), new HashSet<int> { OtherOfficeId })
        {
            Delegators = [delegator with { Roles = new HashSet<string> { Roles.SupervisingLeader } }],
        };

    [Fact]
    public void Delegate_ApprovesTheSupervisingLeaderStageOfAnOfficeTheyDoNotSupervise_OnBehalfOfTheDelegator()
    {
        var notice = Submitted();
        var standIn = StandIn(Away);

        notice.AvailableActions(standIn).ShouldContain(NoticeAction.Approve);
        notice.OnBehalfOf(NoticeAction.Approve, standIn)!.UserId.ShouldBe(Away.UserId);
        notice.Apply(NoticeAction.Approve, standIn, T0.AddHours(1));

        notice.StageIndex.ShouldBe(1);
        var e = notice.Events.Last();
        e.ActorId.ShouldBe("leader-other");
        e.OnBehalfOfId.ShouldBe(Away.UserId);
        NoticeEvent.DisplayName(e.ActorName, e.OnBehalfOfName).ShouldBe("姓名-leader-other（代姓名-leader-away审核）");
    }

    [Fact]
    public void WithoutADelegation_TheSameLeaderIsRefusedAsNotSupervisor()
    {
        var notice = Submitted();
        var other = StandIn(Away) with { Delegators = [] };

        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Approve, other, T0.AddHours(1))).Code.ShouldBe("Workflow.NotSupervisor");
    }

    [Fact]
    public void Delegate_WhoMayActInTheirOwnRight_DecidesForThemselves()
    {
        var notice = Submitted();
        var supervisesToo = Person("leader-both", Roles.SupervisingLeader) with { Delegators = [Away] };

        notice.OnBehalfOf(NoticeAction.Approve, supervisesToo).ShouldBeNull();
        notice.Apply(NoticeAction.Approve, supervisesToo, T0.AddHours(1));
        notice.Events.Last().OnBehalfOfId.ShouldBeNull();
    }

    [Fact]
    public void Delegate_CannotApproveOnBehalfOfTheAuthor()
    {
        // The author also holds the leader role and supervises the office, and delegated it.
        var authorLeader = Author with { Roles = new HashSet<string> { Roles.Staff, Roles.SupervisingLeader } };
        var notice = Submitted();
        var standIn = StandIn(authorLeader);

        notice.AvailableActions(standIn).ShouldNotContain(NoticeAction.Approve);
        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Approve, standIn, T0.AddHours(1))).Code.ShouldBe("Workflow.AuthorCannotReview");
    }

    [Fact]
    public void Delegate_WhoIsTheAuthor_CannotApproveThroughADelegation()
    {
        var notice = Submitted();
        var authorStandIn = new NoticeActor(Author.UserId, Author.Name, new HashSet<string> { Roles.Staff, Roles.SupervisingLeader }, new HashSet<int>())
        {
            Delegators = [Away],
        };

        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Approve, authorStandIn, T0.AddHours(1))).Code
            .ShouldBe("Workflow.AuthorCannotReview");
    }

    [Fact]
    public void Delegate_WhoDecidedTheLeaderStageOnBehalf_CannotDecideTheNextStageThemselves()
    {
        var notice = Submitted();
        var standIn = StandIn(Away, "leader-officer", Roles.DisclosureOfficer);
        notice.Apply(NoticeAction.Approve, standIn, T0.AddHours(1));

        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Approve, standIn, T0.AddHours(2))).Code
            .ShouldBe("Workflow.AlreadyActedAtStage");
    }

    [Fact]
    public void Delegator_WhoseStageWasDecidedOnTheirBehalf_CannotDecideTheNextStage()
    {
        var awayAlsoOfficer = Person("leader-away", Roles.SupervisingLeader, Roles.DisclosureOfficer);
        var notice = Submitted();
        notice.Apply(NoticeAction.Approve, StandIn(awayAlsoOfficer), T0.AddHours(1));

        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Approve, awayAlsoOfficer, T0.AddHours(2))).Code
            .ShouldBe("Workflow.AlreadyActedAtStage");
    }

    [Fact]
    public void Delegate_CannotStandInForADelegatorWhoAlreadyDecidedAStageOfTheRound()
    {
        // Stages: 政务公开负责人 then 分管领导. The delegator decided the first; their stand-in may not decide the second for them.
        var officerLeader = Person("leader-away", Roles.SupervisingLeader, Roles.DisclosureOfficer);
        var notice = Submitted([WorkflowStage.DisclosureOfficer, WorkflowStage.SupervisingLeader]);
        notice.Apply(NoticeAction.Approve, officerLeader, T0.AddHours(1));

        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Approve, StandIn(officerLeader), T0.AddHours(2))).Code
            .ShouldBe("Workflow.AlreadyActedAtStage");
    }

    [Fact]
    public void Delegate_ReturnsOnBehalf_AndTheReturnSaysSo()
    {
        var notice = Submitted();
        notice.Apply(NoticeAction.Return, StandIn(Away), T0.AddHours(1), new DecisionInput("请补充依据"));

        notice.State.ShouldBe(NoticeState.Returned);
        notice.Events.Last().OnBehalfOfName.ShouldBe(Away.Name);
    }

    [Fact]
    public void DelegatedRole_OnlyCoversStagesOfThatRole()
    {
        var notice = InState(NoticeState.InReview, stage: 2);
        // A leader holding no officer role stands in for a leader: the officer stage is not theirs.
        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Approve, StandIn(Away), T0.AddHours(1))).Code
            .ShouldBe("Workflow.WrongStageRole");
    }

    private static readonly DateTime Now = new(2024, 5, 10, 1, 0, 0, DateTimeKind.Utc); // 2024-05-10 09:00 Shanghai
    private static readonly DateOnly Today = new(2024, 5, 10);

    private static ReviewDelegation Create(DateOnly from, DateOnly to, string role = Roles.SupervisingLeader, string delegateId = "b") =>
        ReviewDelegation.Create("a", "甲", delegateId, "乙", role, from, to, "a", "甲", Now);

    [Fact]
    public void Create_RefusesEachBrokenRule_WithItsCode()
    {
        Should.Throw<DomainException>(() => Create(Today.AddDays(-1), Today)).Code.ShouldBe("Delegation.InPast");
        Should.Throw<DomainException>(() => Create(Today.AddDays(3), Today.AddDays(2))).Code.ShouldBe("Delegation.EndBeforeStart");
        Should.Throw<DomainException>(() => Create(Today, Today.AddDays(ReviewDelegation.MaxDays))).Code.ShouldBe("Delegation.TooLong");
        Should.Throw<DomainException>(() => Create(Today, Today, delegateId: "a")).Code.ShouldBe("Delegation.SelfDelegate");
        Should.Throw<DomainException>(() => Create(Today, Today, role: Roles.Staff)).Code.ShouldBe("Delegation.RoleNotReviewing");
    }

    [Fact]
    public void Period_IsInclusiveShanghaiDays_AndRevokingEndsIt()
    {
        var d = Create(Today, Today.AddDays(ReviewDelegation.MaxDays - 1));
        d.IsActiveOn(Today).ShouldBeTrue();
        d.IsActiveOn(Today.AddDays(ReviewDelegation.MaxDays - 1)).ShouldBeTrue();
        d.IsActiveOn(Today.AddDays(ReviewDelegation.MaxDays)).ShouldBeFalse();

        d.Revoke("甲", Now.AddHours(1));
        d.IsActiveOn(Today).ShouldBeFalse();
        Should.Throw<DomainException>(() => d.Revoke("甲", Now.AddHours(2))).Code.ShouldBe("Delegation.AlreadyRevoked");
    }
}
