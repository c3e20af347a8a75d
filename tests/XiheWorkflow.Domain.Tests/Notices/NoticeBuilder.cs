using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;

namespace XiheWorkflow.Domain.Tests.Notices;

/// <summary>
/// Builds a notice in any state by walking the public API (draft → submit → approve …), with a
/// three-stage workflow 分管领导 → 政务公开负责人 → 领导小组 so that every stage role occurs.
/// </summary>
internal static class NoticeBuilder
{
    public const int OfficeId = 1;
    public const int OtherOfficeId = 2;
    public static readonly DateTime T0 = new(2024, 5, 10, 1, 30, 0, DateTimeKind.Utc);

    public static readonly IReadOnlyList<WorkflowStage> ThreeStages =
        [WorkflowStage.SupervisingLeader, WorkflowStage.DisclosureOfficer, WorkflowStage.LeadingGroup];

    public static readonly NoticeActor Author = Person("author", Roles.Staff);

    // The builder's own deciders, distinct from every person a test acts with, so that the
    // "same person at two stages" guard never fires by accident.
    private static readonly NoticeActor BuilderLeader = Person("b-leader", Roles.SupervisingLeader);
    private static readonly NoticeActor BuilderOfficer = Person("b-officer", Roles.DisclosureOfficer);
    private static readonly NoticeActor BuilderGroup = Person("b-group", Roles.LeadingGroup);

    public static readonly DecisionInput Meeting = new(null, new DateOnly(2024, 5, 9), "乡领导小组会议纪要〔2024〕5号");
    /// <summary>低保-type rule: 7 calendar days, the publication day counted.</summary>
    public static readonly PublicityTerms SevenDays = new(new PublicityRule(7, PeriodUnit.CalendarDays), OfficialCalendar.Shipped);

    /// <summary>Everything any action may ask for, so that only the table and guards decide.</summary>
    public static readonly DecisionInput FullInput = new("理由：测试", new DateOnly(2024, 5, 9), "乡领导小组会议纪要〔2024〕5号",
        ScheduledAtUtc: T0.AddDays(2), ExtendTo: new DateOnly(2024, 6, 30), Publicity: SevenDays,
        ReviewMonths: 6, CorrectionStages: [WorkflowStage.DisclosureOfficer]);

    public static readonly NoticeActor Scheduler = NoticeActor.Scheduler;

    /// <summary>A person holding the given roles who supervises <see cref="OfficeId"/>.</summary>
    public static NoticeActor Person(string id, params string[] roles) =>
        new(id, $"姓名-{id}", roles.ToHashSet(), new HashSet<int> { OfficeId });

    public static NoticeContent Content(string title = "关于开展2024年度春季植树活动的通知", string legalBasis = "《中华人民共和国政府信息公开条例》第二十条",
        NoticeKind kind = NoticeKind.Announcement) => new()
    {
        Title = title,
        BodyHtml = "<p>各村委会：</p><p>现将有关事项通知如下。</p>",
        CategoryId = 1,
        OfficeId = OfficeId,
        Kind = kind,
        Channels = [Channel.PlatformDisclosure],
        LegalBasis = legalBasis,
    };

    public static Notice Draft(NoticeContent? content = null) => Notice.Draft(content ?? Content(), Author, T0);

    public static Notice Submitted(IReadOnlyList<WorkflowStage>? stages = null, NoticeKind kind = NoticeKind.Announcement)
    {
        var n = Draft(Content(kind: kind));
        n.Submit(Author, stages ?? ThreeStages, T0.AddMinutes(1));
        return n;
    }

    /// <summary>A notice in <paramref name="state"/>; for InReview, waiting at the 1-based <paramref name="stage"/>.</summary>
    public static Notice InState(NoticeState state, int stage = 1, NoticeKind kind = NoticeKind.Announcement)
    {
        var t = T0.AddMinutes(2);
        switch (state)
        {
            case NoticeState.Draft:
                return Draft();
            case NoticeState.InReview:
            {
                var n = Submitted(kind: kind);
                NoticeActor[] deciders = [BuilderLeader, BuilderOfficer, BuilderGroup];
                for (var k = 1; k < stage; k++) n.Apply(NoticeAction.Approve, deciders[k - 1], t, Meeting);
                return n;
            }
            case NoticeState.Approved:
            {
                var n = InState(NoticeState.InReview, 3, kind);
                n.Apply(NoticeAction.Approve, BuilderGroup, t, Meeting);
                return n;
            }
            case NoticeState.Published:
            {
                var n = InState(NoticeState.Approved);
                n.Apply(NoticeAction.Publish, BuilderOfficer, t);
                return n;
            }
            case NoticeState.Returned:
            {
                var n = Submitted();
                n.Apply(NoticeAction.Return, BuilderLeader, t, new DecisionInput("请补充依据"));
                return n;
            }
            case NoticeState.Rejected:
            {
                var n = Submitted();
                n.Apply(NoticeAction.Reject, BuilderLeader, t, new DecisionInput("不宜公开"));
                return n;
            }
            case NoticeState.Withdrawn:
            {
                var n = InState(NoticeState.Published);
                n.Apply(NoticeAction.Withdraw, BuilderOfficer, t, new DecisionInput("内容有误"));
                return n;
            }
            case NoticeState.InPublicity:
            {
                var n = InState(NoticeState.Approved, kind: NoticeKind.Publicity);
                n.Apply(NoticeAction.Publish, BuilderOfficer, t, new DecisionInput(Publicity: SevenDays));
                return n;
            }
            case NoticeState.PublicityEnded:
                return Ended(openObjections: 1);
            case NoticeState.Concluded:
            {
                var n = Ended(openObjections: 1);
                n.Apply(NoticeAction.Conclude, BuilderOfficer, n.PublicityEndsAtUtc!.Value.AddDays(3), new DecisionInput("已答复异议人，名单无误"));
                return n;
            }
            case NoticeState.Expired:
            {
                var n = InState(NoticeState.Published);
                n.Apply(NoticeAction.Expire, BuilderOfficer, t, new DecisionInput("政策已废止"));
                return n;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }
    }

    /// <summary>A 公示 whose window the scheduler closed with this many objections open.</summary>
    public static Notice Ended(int openObjections)
    {
        var n = InState(NoticeState.InPublicity);
        n.Apply(NoticeAction.CloseWindow, Scheduler, n.PublicityEndsAtUtc!.Value, new DecisionInput(OpenObjections: openObjections));
        return n;
    }
}
