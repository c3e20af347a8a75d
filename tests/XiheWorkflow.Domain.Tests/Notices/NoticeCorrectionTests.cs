using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Publicity;
using static XiheWorkflow.Domain.Tests.Notices.NoticeBuilder;

namespace XiheWorkflow.Domain.Tests.Notices;

/// <summary>更正, 说明 and 定期审查 after publication (DESIGN.md §3).</summary>
public class NoticeCorrectionTests
{
    private static readonly NoticeActor Officer = Person("officer", Roles.DisclosureOfficer);
    private static readonly NoticeActor Leader = Person("leader", Roles.SupervisingLeader);
    private static readonly IReadOnlyList<WorkflowStage> CorrectionWorkflow = [WorkflowStage.DisclosureOfficer];
    private static readonly DateTime Later = new(2024, 5, 13, 2, 0, 0, DateTimeKind.Utc); // Monday 10:00 Shanghai

    private static DecisionInput Submit => new(CorrectionStages: CorrectionWorkflow);

    [Fact]
    public void AuthorsCorrection_StaysOutOfPublicTextUntilTheOfficerApproves_ThenBecomesTheNextRevision()
    {
        var notice = InState(NoticeState.Published);
        var published = notice.Content;

        notice.SaveCorrection(published with { BodyHtml = "<p>补助标准为每人每月350元。</p>" }, "补助标准由300元更正为350元", false, Author, Later);
        notice.Apply(NoticeAction.SubmitCorrection, Author, Later, Submit);

        notice.Content.ShouldBe(published);
        notice.CurrentRevision.ShouldBe(1);
        notice.OpenCorrection!.Status.ShouldBe(CorrectionStatus.InReview);
        notice.AvailableActions(Officer).ShouldContain(NoticeAction.ApproveCorrection);
        notice.AvailableActions(Author).ShouldNotContain(NoticeAction.ApproveCorrection);

        notice.Apply(NoticeAction.ApproveCorrection, Officer, Later.AddHours(1));

        notice.State.ShouldBe(NoticeState.Published);
        notice.BodyHtml.ShouldBe("<p>补助标准为每人每月350元。</p>");
        notice.CurrentRevision.ShouldBe(2);
        notice.Revisions.Single(r => r.Number == 2).Content.BodyHtml.ShouldContain("350元");
        var correction = notice.Corrections.Single();
        correction.Status.ShouldBe(CorrectionStatus.Published);
        correction.Revision.ShouldBe(2);
        notice.OpenCorrection.ShouldBeNull();
        notice.Events.Last().Action.ShouldBe(NoticeAction.ApproveCorrection);
        notice.Events.Last().Reason.ShouldBe("补助标准由300元更正为350元");
    }

    [Fact]
    public void OfficersOwnCorrection_FallsToTheSupervisingLeader()
    {
        var notice = InState(NoticeState.Published);
        notice.SaveCorrection(notice.Content with { Title = "关于开展2024年度春季植树活动的通知（更正）" }, "标题补充", false, Officer, Later);
        notice.Apply(NoticeAction.SubmitCorrection, Officer, Later, Submit);

        notice.OpenCorrection!.CurrentStage.ShouldBe(WorkflowStage.SupervisingLeader);
        notice.AvailableActions(Person("officer2", Roles.DisclosureOfficer)).ShouldNotContain(NoticeAction.ApproveCorrection);
        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.ApproveCorrection, Officer, Later))
            .Code.ShouldBe("Workflow.WrongStageRole");
        var outsider = new NoticeActor("other-leader", "别的领导", new HashSet<string> { Roles.SupervisingLeader }, new HashSet<int> { OtherOfficeId });
        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.ApproveCorrection, outsider, Later))
            .Code.ShouldBe("Workflow.NotSupervisor");

        notice.Apply(NoticeAction.ApproveCorrection, Leader, Later.AddHours(1));
        notice.Title.ShouldEndWith("（更正）");
    }

    [Fact]
    public void MaterialCorrectionDuringPublicity_RestartsTheWindowFromRepublication()
    {
        var notice = InState(NoticeState.InPublicity, kind: NoticeKind.Publicity);
        notice.PublicityFrom.ShouldBe(new DateOnly(2024, 5, 10));
        notice.PublicityTo.ShouldBe(new DateOnly(2024, 5, 16));

        notice.SaveCorrection(notice.Content with { BodyHtml = "<p>马某某保障金额更正为350元。</p>" }, "保障金额有误", true, Author, Later);
        notice.Apply(NoticeAction.SubmitCorrection, Author, Later, Submit);
        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.ApproveCorrection, Officer, Later))
            .Code.ShouldBe("Publicity.RuleRequired");
        notice.Apply(NoticeAction.ApproveCorrection, Officer, Later, new DecisionInput(Publicity: SevenDays));

        notice.State.ShouldBe(NoticeState.InPublicity);
        notice.PublicityFrom.ShouldBe(new DateOnly(2024, 5, 13));
        notice.PublicityTo.ShouldBe(new DateOnly(2024, 5, 19));
        notice.PublicityEndsAtUtc.ShouldBe(new DateTime(2024, 5, 19, 16, 0, 0, DateTimeKind.Utc));
        notice.RepublishedAtUtc.ShouldBe(Later);
        notice.PublishedAtUtc.ShouldBe(T0.AddMinutes(2), "the first publication stays on record");
        notice.Corrections.Single().WindowRestarted.ShouldBeTrue();
        notice.Events.Last().Reason!.ShouldContain("重新公示，公示期：2024年5月13日至2024年5月19日");
        // The restarted window is the one an extension lengthens.
        notice.Window!.From.ShouldBe(new DateOnly(2024, 5, 13));
    }

    [Fact]
    public void MinorCorrectionDuringPublicity_KeepsTheWindow()
    {
        var notice = InState(NoticeState.InPublicity, kind: NoticeKind.Publicity);
        notice.SaveCorrection(notice.Content with { Title = "2024年5月低保对象公示（更正错别字）" }, "错别字", false, Author, Later);
        notice.Apply(NoticeAction.SubmitCorrection, Author, Later, Submit);
        notice.Apply(NoticeAction.ApproveCorrection, Officer, Later);

        notice.PublicityTo.ShouldBe(new DateOnly(2024, 5, 16));
        notice.RepublishedAtUtc.ShouldBeNull();
        notice.Corrections.Single().WindowRestarted.ShouldBeFalse();
    }

    [Fact]
    public void ReturnedCorrection_IsEditedAndResubmitted_RejectedOneLeavesTheTextAlone()
    {
        var notice = InState(NoticeState.Published);
        var published = notice.Content;
        notice.SaveCorrection(published with { Title = "错的更正" }, "更正", false, Author, Later);
        notice.Apply(NoticeAction.SubmitCorrection, Author, Later, Submit);
        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.ReturnCorrection, Officer, Later)).Code.ShouldBe("Workflow.ReasonRequired");
        notice.Apply(NoticeAction.ReturnCorrection, Officer, Later, new DecisionInput("更正说明不清楚"));
        notice.OpenCorrection!.Status.ShouldBe(CorrectionStatus.Returned);
        notice.OpenCorrection.LastDecisionReason.ShouldBe("更正说明不清楚");

        notice.SaveCorrection(published with { Title = "对的更正" }, "标题中的日期有误，已更正", false, Author, Later.AddHours(1));
        notice.Apply(NoticeAction.SubmitCorrection, Author, Later.AddHours(1), Submit);
        notice.Apply(NoticeAction.RejectCorrection, Officer, Later.AddHours(2), new DecisionInput("无需更正"));

        notice.Content.ShouldBe(published);
        notice.CurrentRevision.ShouldBe(1);
        notice.OpenCorrection.ShouldBeNull();
        notice.Corrections.Single().Status.ShouldBe(CorrectionStatus.Rejected);
        // The next correction is a new one.
        notice.SaveCorrection(published with { Title = "又一次更正" }, "再次更正", false, Author, Later.AddHours(3)).Number.ShouldBe(2);
    }

    [Fact]
    public void OneCorrectionAtATime_AndOnlyTheAuthorOrTheOfficerMayCorrect()
    {
        var notice = InState(NoticeState.Published);
        Should.Throw<DomainException>(() => notice.SaveCorrection(notice.Content, "x", false, Person("staff2", Roles.Staff), Later))
            .Code.ShouldBe("Correction.AuthorOrOfficer");
        notice.SaveCorrection(notice.Content with { Title = "更正" }, "说明", false, Author, Later);
        Should.Throw<DomainException>(() => notice.SaveCorrection(notice.Content, "x", false, Officer, Later))
            .Code.ShouldBe("Correction.OpenByOther");
        notice.Apply(NoticeAction.SubmitCorrection, Author, Later, Submit);
        Should.Throw<DomainException>(() => notice.SaveCorrection(notice.Content, "x", false, Author, Later))
            .Code.ShouldBe("Correction.InReview");
        notice.AvailableActions(Author).ShouldNotContain(NoticeAction.SubmitCorrection);
    }

    [Fact]
    public void CorrectionWithoutNote_IsRefused()
    {
        var notice = InState(NoticeState.Published);
        notice.SaveCorrection(notice.Content with { Title = "更正" }, "  ", false, Author, Later);
        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.SubmitCorrection, Author, Later, Submit))
            .Code.ShouldBe("Correction.NoteRequired");
        notice.OpenCorrection!.Status.ShouldBe(CorrectionStatus.Draft);
    }

    [Fact]
    public void Clarification_IsPublishedBesideTheNotice()
    {
        var notice = InState(NoticeState.InPublicity, kind: NoticeKind.Publicity);
        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Clarify, Officer, Later)).Code.ShouldBe("Workflow.ReasonRequired");
        notice.Apply(NoticeAction.Clarify, Officer, Later, new DecisionInput("名单中“家庭人口”含户主本人。"));
        notice.Clarifications.Single().Text.ShouldBe("名单中“家庭人口”含户主本人。");
        notice.State.ShouldBe(NoticeState.InPublicity);
    }

    [Fact]
    public void PeriodicReview_RenewMovesTheDateOn_ExpireTakesTheNoticeDown()
    {
        var notice = InState(NoticeState.Approved);
        notice.Apply(NoticeAction.Publish, Officer, T0, new DecisionInput(ReviewMonths: 6));
        notice.ReviewDueOn.ShouldBe(new DateOnly(2024, 11, 10));

        var reviewDay = new DateTime(2024, 11, 12, 2, 0, 0, DateTimeKind.Utc);
        notice.Apply(NoticeAction.Renew, Officer, reviewDay, new DecisionInput(ReviewMonths: 6));
        notice.ReviewDueOn.ShouldBe(new DateOnly(2025, 5, 12));
        notice.Events.Last().Reason.ShouldBe("下次审查：2025年5月12日");

        Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Expire, Officer, reviewDay)).Code.ShouldBe("Workflow.ReasonRequired");
        notice.Apply(NoticeAction.Expire, Officer, reviewDay, new DecisionInput("所依据的文件已废止"));
        notice.State.ShouldBe(NoticeState.Expired);
        NoticeWorkflow.IsPublic(notice.State).ShouldBeFalse();
    }

    [Fact]
    public void PublicityNotices_HaveNoPeriodicReview()
    {
        var notice = InState(NoticeState.Approved, kind: NoticeKind.Publicity);
        notice.Apply(NoticeAction.Publish, Officer, T0, new DecisionInput(Publicity: SevenDays, ReviewMonths: 6));
        notice.ReviewDueOn.ShouldBeNull();
    }
}

public class NoticeNotePrivacyTests
{
    [Fact]
    public void ClarificationWithAnUnmaskedMobile_IsRefusedWithTheMaskedText()
    {
        var notice = InState(NoticeState.Published);
        var officer = Person("officer", Roles.DisclosureOfficer);
        var e = Should.Throw<DomainException>(() => notice.Apply(NoticeAction.Clarify, officer, T0.AddDays(1), new DecisionInput("如有疑问请联系13812345678")));
        e.Code.ShouldBe("Privacy.FindingsInNote");
        e.Args.Single().ShouldBe("如有疑问请联系138****5678");
        notice.Clarifications.ShouldBeEmpty();
    }
}

public class NoticeReasonLengthTests
{
    [Fact]
    public void ClarificationLongerThanTheColumn_IsRefusedAndNothingIsAdded()
    {
        var notice = InState(NoticeState.Published);
        var e = Should.Throw<DomainException>(() =>
            notice.Apply(NoticeAction.Clarify, Person("officer", Roles.DisclosureOfficer), T0.AddDays(1), new DecisionInput(new string('说', 2001))));
        e.Code.ShouldBe("Workflow.ReasonTooLong");
        notice.Clarifications.ShouldBeEmpty();
    }
}
