using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Comments;
using XiheWorkflow.Core.Tests.Notices;
using XiheWorkflow.Domain.Comments;
using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Tests.Comments;

public class CommentUseCaseTests
{
    private static async Task<(TestDatabase T, int NoticeId)> PublishedAsync()
    {
        var t = await TestDatabase.CreateAsync(seedDemo: true);
        var (id, version) = await t.SubmittedAsync(await t.DemoActorAsync("staff"));
        version = await t.DecideAsync(await t.DemoActorAsync("leader"), id, version, NoticeAction.Approve);
        var officer = await t.DemoActorAsync("officer");
        version = await t.DecideAsync(officer, id, version, NoticeAction.Approve);
        await t.DecideAsync(officer, id, version, NoticeAction.Publish);
        return (t, id);
    }

    [Fact]
    public async Task Record_PhoneObjection_IsPendingWithDueDateAndCountsAsOpenObjection()
    {
        var (t, id) = await PublishedAsync();
        await using var _ = t;
        var staff = await t.DemoActorAsync("staff");
        await t.Get<RecordComment>().HandleAsync(new RecordComment.Command(id, CommentSource.Phone, CommentKind.Objection,
            "名单中李四家庭收入超过标准。", "赵六", "13900001111"), staff);

        var views = await t.Get<CommentQueries>().ForNoticeAsync(id, staff);
        var view = views.ShouldHaveSingleItem();
        view.Status.ShouldBe(CommentStatus.Pending);
        view.Contact.ShouldBe("13900001111");
        // Received Friday 2024-05-10 (CST); Saturday 05-11 was a make-up working day (调休), so five
        // working days later is Thursday 2024-05-16.
        view.AnswerDue.ShouldBe(new DateOnly(2024, 5, 16));
        (await t.Get<CommentQueries>().OpenObjectionsAsync(id)).ShouldBe(1);
        await using var db = t.NewContext();
        (await db.AuditEntries.SingleAsync(a => a.Action == "Comment.Recorded")).Details!.ShouldNotContain("13900001111");
    }

    [Fact]
    public async Task Respond_Adopted_LinksTheRevisionAndClosesTheObjection()
    {
        var (t, id) = await PublishedAsync();
        await using var _ = t;
        var staff = await t.DemoActorAsync("staff");
        var commentId = await t.Get<RecordComment>().HandleAsync(new RecordComment.Command(id, CommentSource.Visit, CommentKind.Objection,
            "金额有误。", null, null), staff);

        await t.Get<RespondToComment>().HandleAsync(new RespondToComment.Command(commentId, 0, CommentStatus.Adopted, "已核实并更正。", 1), staff);

        var view = (await t.Get<CommentQueries>().ForNoticeAsync(id, staff)).Single();
        view.Status.ShouldBe(CommentStatus.Adopted);
        view.AdoptedRevision.ShouldBe(1);
        view.AnsweredByName.ShouldBe("张明");
        (await t.Get<CommentQueries>().OpenObjectionsAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task Respond_Twice_WithTheSameVersion_SecondIsToldItMovedOn()
    {
        var (t, id) = await PublishedAsync();
        await using var _ = t;
        var staff = await t.DemoActorAsync("staff");
        var commentId = await t.Get<RecordComment>().HandleAsync(new RecordComment.Command(id, CommentSource.Phone, CommentKind.Inquiry,
            "何时发放？", null, null), staff);
        await t.Get<RespondToComment>().HandleAsync(new RespondToComment.Command(commentId, 0, CommentStatus.Answered, "月底前。"), staff);
        var officer = await t.DemoActorAsync("officer");
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<RespondToComment>().HandleAsync(
            new RespondToComment.Command(commentId, 0, CommentStatus.NotAdopted, "另一个答复"), officer));
        e.Code.ShouldBe("Comment.MovedOn");
        (await t.Get<CommentQueries>().ForNoticeAsync(id, staff)).Single().Answer.ShouldBe("月底前。");
    }

    [Fact]
    public async Task Report_ReporterIsVisibleToTheDisclosureOfficerAlone()
    {
        var (t, id) = await PublishedAsync();
        await using var _ = t;
        await t.Get<RecordComment>().HandleAsync(new RecordComment.Command(id, CommentSource.Letter, CommentKind.Report,
            "反映村干部优亲厚友。", "钱七", "13700002222"), await t.DemoActorAsync("staff"));

        var forStaff = (await t.Get<CommentQueries>().ForNoticeAsync(id, await t.DemoActorAsync("staff"))).Single();
        forStaff.IdentityHidden.ShouldBeTrue();
        forStaff.Name.ShouldBeNull();
        forStaff.Contact.ShouldBeNull();
        var forOfficer = (await t.Get<CommentQueries>().ForNoticeAsync(id, await t.DemoActorAsync("officer"))).Single();
        forOfficer.Name.ShouldBe("钱七");
    }

    [Fact]
    public async Task Record_OnUnpublishedNotice_OrByLeader_IsRefused()
    {
        await using var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var (id, _) = await t.SubmittedAsync(staff);
        var e = await Should.ThrowAsync<DomainException>(() => t.Get<RecordComment>().HandleAsync(
            new RecordComment.Command(id, CommentSource.Phone, CommentKind.Suggestion, "建议", null, null), staff));
        e.Code.ShouldBe("Comment.NoticeNotPublic");

        var leader = await t.DemoActorAsync("leader");
        e = await Should.ThrowAsync<DomainException>(() => t.Get<RecordComment>().HandleAsync(
            new RecordComment.Command(id, CommentSource.Phone, CommentKind.Suggestion, "建议", null, null), leader));
        e.Code.ShouldBe("Auth.RoleRequired");
        await using var db = t.NewContext();
        (await db.Comments.AnyAsync()).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Record_EmptyContent_IsRefused(string content)
    {
        Should.Throw<DomainException>(() => Comment.Record(1, CommentSource.Phone, CommentKind.Suggestion, content, null, null, DateTime.UtcNow, null, "x"))
            .Code.ShouldBe("Comment.ContentRequired");
    }

    [Fact]
    public void Respond_NotAdoptedWithoutReason_IsRefused()
    {
        var c = Comment.Record(1, CommentSource.Phone, CommentKind.Suggestion, "建议", null, null, DateTime.UtcNow, null, "x");
        Should.Throw<DomainException>(() => c.Respond(CommentStatus.NotAdopted, " ", null, "u", "u", DateTime.UtcNow)).Code.ShouldBe("Comment.AnswerRequired");
        Should.Throw<DomainException>(() => c.Respond(CommentStatus.Adopted, "采纳", null, "u", "u", DateTime.UtcNow)).Code.ShouldBe("Comment.AdoptedRevisionRequired");
        c.IsOpen.ShouldBeTrue();
    }
}
