using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Admin;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Notices;
using XiheWorkflow.Core.Tests.Publicity;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Notices;

/// <summary>
/// 代理审核 on a real SQLite file: 王建国 (leader, supervises 综合办公室 and 民生服务中心) is away and
/// lets 李卫东 (a second supervising leader, of 党建办公室 only) decide his stages.
/// </summary>
public class DelegationTests
{
    // The test clock: 2024-05-10 09:30 in Shanghai.
    private static readonly DateOnly Today = new(2024, 5, 10);

    private static async Task<Actor> SecondLeaderAsync(TestDatabase t)
    {
        var created = await t.Get<CreateUser>().HandleAsync(new CreateUser.Command("leader2", "李卫东", [Roles.SupervisingLeader], "党建办公室"),
            Actor.CommandLine);
        string stamp;
        await using (var db = t.NewContext())
            stamp = await db.Users.Where(u => u.Id == created.UserId).Select(u => u.ConcurrencyStamp!).SingleAsync();
        var party = await t.OfficeIdAsync("党建办公室");
        var admin = await t.DemoActorAsync("admin");
        await t.Get<SetUserAccess>().HandleAsync(new SetUserAccess.Command(created.UserId, "李卫东", [Roles.SupervisingLeader], party, [party], stamp), admin);
        return new Actor(created.UserId, "李卫东", new HashSet<string> { Roles.SupervisingLeader }, party);
    }

    private static Task<int> DelegateAsync(TestDatabase t, Actor by, string? delegatorId, string delegateId, DateOnly from, DateOnly to,
        string role = Roles.SupervisingLeader) =>
        t.Get<CreateDelegation>().HandleAsync(new CreateDelegation.Command(delegatorId, delegateId, role, from, to), by);

    [Fact]
    public async Task Delegate_SeesTheDelegatorsItemsMarked_ApprovesOnBehalf_AndTimelineAndAuditSaySo()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var leader = await t.DemoActorAsync("leader");
        var officer = await t.DemoActorAsync("officer");
        var leader2 = await SecondLeaderAsync(t);
        var (id, v) = await t.SubmittedAsync(staff);
        var queries = t.Get<NoticeQueries>();
        (await queries.ReviewQueueAsync(leader2)).ShouldBeEmpty();
        (await Should.ThrowAsync<DomainException>(() => t.DecideAsync(leader2, id, v, NoticeAction.Approve))).Code.ShouldBe("Workflow.NotSupervisor");

        var delegationId = await DelegateAsync(t, leader, null, leader2.UserId!, Today, Today.AddDays(6));

        var queue = await queries.ReviewQueueAsync(leader2);
        queue.Single().Id.ShouldBe(id);
        queue.Single().OnBehalfOfName.ShouldBe("王建国");
        // The delegator keeps their own queue, unmarked.
        (await queries.ReviewQueueAsync(leader)).Single(n => n.Id == id).OnBehalfOfName.ShouldBeNull();
        (await queries.DetailsAsync(id, leader2)).ShouldNotBeNull().AvailableActions.ShouldContain(NoticeAction.Approve);

        t.Clock.Advance(TimeSpan.FromHours(1));
        v = await t.DecideAsync(leader2, id, v, NoticeAction.Approve);

        var notice = await t.LoadAsync(id);
        notice.StageIndex.ShouldBe(1);
        var approval = notice.Events.OrderBy(e => e.Sequence).Last();
        (approval.ActorId, approval.OnBehalfOfId, approval.OnBehalfOfName).ShouldBe((leader2.UserId!, leader.UserId, "王建国"));
        (await queries.DetailsAsync(id, officer))!.Events.Last().ActorName.ShouldBe("李卫东（代王建国审核）");
        // The officer's stage is not the leader's: the delegation gives 李卫东 nothing there.
        (await queries.ReviewQueueAsync(leader2)).ShouldBeEmpty();

        var audit = (await t.AuditOfAsync(id)).Last();
        (audit.Action, audit.ActorId, audit.ActorName).ShouldBe(("Notice.Approve", leader2.UserId, "李卫东"));
        audit.Details.ShouldBe($"代王建国审核 (onBehalfOf={leader.UserId})");
        await using (var db = t.NewContext())
        {
            var created = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "Delegation.Created");
            (created.ActorId, created.EntityId).ShouldBe((leader.UserId, delegationId.ToString()));
            created.Details.ShouldContain("role=SupervisingLeader; 2024-05-10..2024-05-16");
        }
        (await t.Get<VerifyAuditChain>().HandleAsync(await t.DemoActorAsync("admin"))).FirstBroken.ShouldBeNull();
    }

    [Fact]
    public async Task CorrectionQueue_Follows_AndTheCorrectionIsApprovedOnBehalf()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var id = await t.PublishedPublicityAsync();
        var officer = await t.DemoActorAsync("officer");
        var leader = await t.DemoActorAsync("leader");
        var leader2 = await SecondLeaderAsync(t);
        // The officer corrects their own notice: the correction goes to the supervising leader of the office.
        var notice = await t.LoadAsync(id);
        await t.Get<SaveCorrection>().HandleAsync(new SaveCorrection.Command
        {
            NoticeId = id, Title = notice.Title, BodyHtml = "<p>更正后的正文。</p>", LegalBasis = notice.LegalBasis,
            Channels = [.. notice.Channels], Attachments = [.. notice.Attachments], Note = "正文有误", Material = false,
        }, officer);
        await t.Get<SubmitCorrection>().HandleAsync(new SubmitCorrection.Command(id, null), officer);
        var queries = t.Get<NoticeQueries>();
        (await queries.CorrectionQueueAsync(leader2)).ShouldBeEmpty();

        var today = ChinaTime.DateOf(t.Clock.GetUtcNow().UtcDateTime);
        await DelegateAsync(t, leader, null, leader2.UserId!, today, today);

        (await queries.CorrectionQueueAsync(leader2)).Single().ShouldSatisfyAllConditions(
            q => q.NoticeId.ShouldBe(id), q => q.OnBehalfOfName.ShouldBe("王建国"));
        (await queries.CorrectionQueueAsync(leader)).Single().OnBehalfOfName.ShouldBeNull();
        await t.DecideAsync(leader2, id, null, NoticeAction.ApproveCorrection);

        var after = await t.LoadAsync(id);
        after.BodyHtml.ShouldBe("<p>更正后的正文。</p>");
        var approval = after.Events.OrderBy(e => e.Sequence).Last();
        (approval.Action, approval.ActorId, approval.OnBehalfOfName).ShouldBe((NoticeAction.ApproveCorrection, leader2.UserId!, "王建国"));
    }

    [Fact]
    public async Task RevokedOrEndedDelegation_NoLongerLetsTheDelegateDecide()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var leader = await t.DemoActorAsync("leader");
        var leader2 = await SecondLeaderAsync(t);
        var (id, v) = await t.SubmittedAsync(staff);
        var delegationId = await DelegateAsync(t, leader, null, leader2.UserId!, Today, Today.AddDays(1));

        await t.Get<RevokeDelegation>().HandleAsync(delegationId, leader);
        (await t.Get<NoticeQueries>().ReviewQueueAsync(leader2)).ShouldBeEmpty();
        (await Should.ThrowAsync<DomainException>(() => t.DecideAsync(leader2, id, v, NoticeAction.Approve))).Code.ShouldBe("Workflow.NotSupervisor");
        (await Should.ThrowAsync<DomainException>(() => t.Get<RevokeDelegation>().HandleAsync(delegationId, leader))).Code
            .ShouldBe("Delegation.AlreadyRevoked");

        // A new one for tomorrow only: not yet on 10 May, active on 11 May, over on 12 May (Shanghai days).
        await DelegateAsync(t, leader, null, leader2.UserId!, Today.AddDays(1), Today.AddDays(1));
        (await t.Get<NoticeQueries>().ReviewQueueAsync(leader2)).ShouldBeEmpty();
        t.Clock.Advance(TimeSpan.FromDays(1));
        (await t.Get<NoticeQueries>().ReviewQueueAsync(leader2)).Single().Id.ShouldBe(id);
        t.Clock.Advance(TimeSpan.FromDays(1));
        (await t.Get<NoticeQueries>().ReviewQueueAsync(leader2)).ShouldBeEmpty();
        (await Should.ThrowAsync<DomainException>(() => t.DecideAsync(leader2, id, v, NoticeAction.Approve))).Code.ShouldBe("Workflow.NotSupervisor");
    }

    [Fact]
    public async Task Create_RefusesEachRule_WithItsCode_AndAuditsTheRefusal()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var leader = await t.DemoActorAsync("leader");
        var officer = await t.DemoActorAsync("officer");
        var staff = await t.DemoActorAsync("staff");
        var leader2 = await SecondLeaderAsync(t);

        async Task<string> Refused(Actor by, string? delegatorId, string delegateId, DateOnly from, DateOnly to, string role = Roles.SupervisingLeader) =>
            (await Should.ThrowAsync<DomainException>(() => DelegateAsync(t, by, delegatorId, delegateId, from, to, role))).Code;

        (await Refused(leader, null, officer.UserId!, Today, Today)).ShouldBe("Delegation.DelegateLacksRole");
        (await Refused(leader, null, leader.UserId!, Today, Today)).ShouldBe("Delegation.SelfDelegate");
        (await Refused(leader, null, leader2.UserId!, Today.AddDays(-1), Today)).ShouldBe("Delegation.InPast");
        (await Refused(leader, null, leader2.UserId!, Today.AddDays(2), Today.AddDays(1))).ShouldBe("Delegation.EndBeforeStart");
        (await Refused(leader, null, leader2.UserId!, Today, Today.AddDays(ReviewDelegation.MaxDays))).ShouldBe("Delegation.TooLong");
        (await Refused(staff, null, leader2.UserId!, Today, Today, Roles.Staff)).ShouldBe("Delegation.RoleNotReviewing");
        (await Refused(staff, leader.UserId, leader2.UserId!, Today, Today)).ShouldBe("Delegation.OnlyOwnOrAdmin");

        await DelegateAsync(t, leader, null, leader2.UserId!, Today, Today.AddDays(6));
        (await Refused(leader, null, leader2.UserId!, Today.AddDays(6), Today.AddDays(8))).ShouldBe("Delegation.Overlaps");
        // No chains: 李卫东 holds 王建国's stages this week and cannot pass them (or his own) on.
        (await Refused(leader2, null, leader.UserId!, Today.AddDays(3), Today.AddDays(4))).ShouldBe("Delegation.NoChainFromDelegate");
        // The officer cannot revoke what a leader set.
        var mine = await t.Get<DelegationQueries>().ListAsync(leader);
        (await Should.ThrowAsync<DomainException>(() => t.Get<RevokeDelegation>().HandleAsync(mine.Single().Id, officer))).Code
            .ShouldBe("Delegation.OnlyOwnOrAdmin");

        await using var db = t.NewContext();
        var refusals = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "Delegation.Refused").OrderBy(a => a.Sequence)
            .Select(a => a.Reason).ToListAsync();
        refusals.ShouldBe(["Delegation.DelegateLacksRole", "Delegation.SelfDelegate", "Delegation.InPast", "Delegation.EndBeforeStart",
            "Delegation.TooLong", "Delegation.RoleNotReviewing", "Delegation.OnlyOwnOrAdmin", "Delegation.Overlaps",
            "Delegation.NoChainFromDelegate", "Delegation.OnlyOwnOrAdmin"]);
    }

    [Fact]
    public async Task Admin_SetsAndRevokesADelegationForALeader_AndSeesEveryone()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var admin = await t.DemoActorAsync("admin");
        var leader = await t.DemoActorAsync("leader");
        var leader2 = await SecondLeaderAsync(t);

        var id = await DelegateAsync(t, admin, leader.UserId, leader2.UserId!, Today, Today.AddDays(2));
        var all = await t.Get<DelegationQueries>().ListAsync(admin, all: true);
        all.Single().ShouldSatisfyAllConditions(
            d => d.DelegatorName.ShouldBe("王建国"), d => d.DelegateName.ShouldBe("李卫东"), d => d.CreatedByName.ShouldBe("系统管理员"),
            d => d.IsActiveToday.ShouldBeTrue(), d => d.CanRevoke.ShouldBeTrue());
        (await t.Get<DelegationQueries>().ListAsync(leader2)).Single().CanRevoke.ShouldBeFalse();
        await Should.ThrowAsync<DomainException>(() => t.Get<DelegationQueries>().ListAsync(leader, all: true));

        await t.Get<RevokeDelegation>().HandleAsync(id, admin);
        (await t.Get<DelegationQueries>().ListAsync(admin, all: true)).Single().RevokedByName.ShouldBe("系统管理员");
        await using var db = t.NewContext();
        (await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Delegation").Select(a => a.Action).ToListAsync())
            .ShouldBe(["Delegation.Created", "Delegation.Revoked"]);
    }
}
