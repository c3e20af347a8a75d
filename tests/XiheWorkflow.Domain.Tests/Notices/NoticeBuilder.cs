using System.Reflection;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

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
    public static readonly DecisionInput FullInput = new("理由：测试", new DateOnly(2024, 5, 9), "乡领导小组会议纪要〔2024〕5号");

    /// <summary>A person holding the given roles who supervises <see cref="OfficeId"/>.</summary>
    public static NoticeActor Person(string id, params string[] roles) =>
        new(id, $"姓名-{id}", roles.ToHashSet(), new HashSet<int> { OfficeId });

    public static NoticeContent Content(string title = "关于开展2024年度春季植树活动的通知", string legalBasis = "《中华人民共和国政府信息公开条例》第二十条") => new()
    {
        Title = title,
        BodyHtml = "<p>各村委会：</p><p>现将有关事项通知如下。</p>",
        CategoryId = 1,
        OfficeId = OfficeId,
        Kind = NoticeKind.Announcement,
        Channels = [Channel.PlatformDisclosure],
        LegalBasis = legalBasis,
    };

    public static Notice Draft(NoticeContent? content = null) => Notice.Draft(content ?? Content(), Author, T0);

    public static Notice Submitted(IReadOnlyList<WorkflowStage>? stages = null)
    {
        var n = Draft();
        n.Submit(Author, stages ?? ThreeStages, T0.AddMinutes(1));
        return n;
    }

    /// <summary>A notice in <paramref name="state"/>; for InReview, waiting at the 1-based <paramref name="stage"/>.</summary>
    public static Notice InState(NoticeState state, int stage = 1)
    {
        var t = T0.AddMinutes(2);
        switch (state)
        {
            case NoticeState.Draft:
                return Draft();
            case NoticeState.InReview:
            {
                var n = Submitted();
                NoticeActor[] deciders = [BuilderLeader, BuilderOfficer, BuilderGroup];
                for (var k = 1; k < stage; k++) n.Apply(NoticeAction.Approve, deciders[k - 1], t, Meeting);
                return n;
            }
            case NoticeState.Approved:
            {
                var n = InState(NoticeState.InReview, 3);
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
            case NoticeState.InPublicity or NoticeState.PublicityEnded or NoticeState.Concluded or NoticeState.Expired:
            {
                // No transition of this area leads here yet (publicity windows and periodic review
                // come later); a published notice is moved by hand so the table is still tested
                // for what is — and is not — allowed in these states.
                var n = InState(NoticeState.Published);
                typeof(Notice).GetProperty(nameof(Notice.State), BindingFlags.Public | BindingFlags.Instance)!.SetValue(n, state);
                return n;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }
    }
}
