using System.Text;
using XiheWorkflow.Core.Notices;

namespace XiheWorkflow.Core.Tests.Notices;

public class AttachmentAccessTests
{
    private static async Task<(TestDatabase Db, string Sha, int NoticeId)> DraftWithAttachmentAsync()
    {
        var t = await TestDatabase.CreateAsync(seedDemo: true);
        var staff = await t.DemoActorAsync("staff");
        var stored = await t.Get<AttachmentStore>().SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes("姓名,户数\n张三,3\n")), "名单.csv", 20);
        var draft = await t.DraftAsync(staff);
        var notice = await t.LoadAsync(draft.NoticeId);
        await t.Get<SaveNoticeDraft>().HandleAsync(new SaveNoticeDraft.Command
        {
            NoticeId = draft.NoticeId, ExpectedVersion = draft.Version, Title = notice.Title, BodyHtml = notice.BodyHtml,
            CategoryId = notice.CategoryId, OfficeId = notice.OfficeId, LegalBasis = notice.LegalBasis, Attachments = [stored],
        }, staff);
        return (t, stored.Sha256, draft.NoticeId);
    }

    [Fact]
    public async Task MayOpenAttachment_AuthorOfTheDraft_IsAllowed()
    {
        var (t, sha, _) = await DraftWithAttachmentAsync();
        await using var _ = t;
        (await t.Get<NoticeQueries>().MayOpenAttachmentAsync(sha, await t.DemoActorAsync("staff"))).ShouldBeTrue();
    }

    [Fact]
    public async Task MayOpenAttachment_OfSomeoneElsesDraft_IsRefusedEvenKnowingTheHash()
    {
        var (t, sha, _) = await DraftWithAttachmentAsync();
        await using var _ = t;
        var queries = t.Get<NoticeQueries>();
        (await queries.MayOpenAttachmentAsync(sha, await t.DemoActorAsync("staff2"))).ShouldBeFalse();
        (await queries.MayOpenAttachmentAsync(sha, await t.DemoActorAsync("officer"))).ShouldBeFalse();
    }

    [Fact]
    public async Task MayOpenAttachment_AfterSubmit_ReviewerIsAllowed()
    {
        var (t, sha, id) = await DraftWithAttachmentAsync();
        await using var _ = t;
        var staff = await t.DemoActorAsync("staff");
        var notice = await t.LoadAsync(id);
        await t.Get<SubmitNotice>().HandleAsync(new SubmitNotice.Command(id, notice.Version), staff);
        (await t.Get<NoticeQueries>().MayOpenAttachmentAsync(sha, await t.DemoActorAsync("leader"))).ShouldBeTrue();
    }

    [Fact]
    public async Task MayOpenAttachment_UnknownOrMalformedHash_IsRefused()
    {
        var (t, _, _) = await DraftWithAttachmentAsync();
        await using var __ = t;
        var staff = await t.DemoActorAsync("staff");
        var queries = t.Get<NoticeQueries>();
        (await queries.MayOpenAttachmentAsync(new string('a', 64), staff)).ShouldBeFalse();
        (await queries.MayOpenAttachmentAsync("../../etc/passwd", staff)).ShouldBeFalse();
    }
}
