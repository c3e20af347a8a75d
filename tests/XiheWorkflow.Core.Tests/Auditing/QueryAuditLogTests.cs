using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Tests.Auditing;

public class QueryAuditLogTests
{
    private static readonly Actor Admin = new("a", "系统管理员", new HashSet<string> { Roles.Admin });

    [Fact]
    public async Task Handle_NoFilter_NewestFirstOnePageWithTotal()
    {
        await using var t = await SeededAsync();

        var result = await t.Get<QueryAuditLog>().HandleAsync(new QueryAuditLog.Filter(PageSize: 4), Admin);

        result.Total.ShouldBe(10);
        result.Rows.Select(r => r.Sequence).ShouldBe([10L, 9L, 8L, 7L]);
        var third = await t.Get<QueryAuditLog>().HandleAsync(new QueryAuditLog.Filter(Page: 2, PageSize: 4), Admin);
        third.Rows.Select(r => r.Sequence).ShouldBe([2L, 1L]);
    }

    [Fact]
    public async Task Handle_ActionEntityAndActorFilters_CombineAndMatchPartOfTheName()
    {
        await using var t = await SeededAsync();
        var query = t.Get<QueryAuditLog>();

        (await query.HandleAsync(new QueryAuditLog.Filter(Action: "Notice.Submit"), Admin)).Total.ShouldBe(5);
        (await query.HandleAsync(new QueryAuditLog.Filter(EntityType: "User"), Admin)).Total.ShouldBe(5);
        var mine = await query.HandleAsync(new QueryAuditLog.Filter(Action: "Notice.Submit", ActorName: "明"), Admin);
        mine.Rows.ShouldAllBe(r => r.ActorName == "张明" && r.Action == "Notice.Submit");
        mine.Total.ShouldBe(3);
    }

    [Fact]
    public async Task Handle_DateRange_CountsShanghaiDaysInclusive()
    {
        await using var t = await SeededAsync();
        // Entries are one per Shanghai day from 2024-05-01 08:30 (+08:00); 05-03 to 05-05 holds three.
        var result = await t.Get<QueryAuditLog>().HandleAsync(
            new QueryAuditLog.Filter(From: new DateOnly(2024, 5, 3), To: new DateOnly(2024, 5, 5)), Admin);

        result.Rows.Select(r => r.Sequence).ShouldBe([5L, 4L, 3L]);
    }

    [Fact]
    public async Task Choices_ListsActionsAndEntityTypesInTheLog()
    {
        await using var t = await SeededAsync();
        var choices = await t.Get<QueryAuditLog>().ChoicesAsync(Admin);
        choices.Actions.ShouldBe(["Notice.Submit", "User.Created"]);
        choices.EntityTypes.ShouldBe(["Notice", "User"]);
    }

    [Fact]
    public async Task Handle_NotAdmin_Refused()
    {
        await using var t = await TestDatabase.CreateAsync();
        var officer = new Actor("o", "马晓梅", new HashSet<string> { Roles.DisclosureOfficer });
        (await Should.ThrowAsync<DomainException>(() => t.Get<QueryAuditLog>().HandleAsync(new QueryAuditLog.Filter(), officer)))
            .Code.ShouldBe("Auth.RoleRequired");
    }

    private static async Task<TestDatabase> SeededAsync()
    {
        var t = await TestDatabase.CreateAsync();
        await using var db = t.NewContext();
        var first = new DateTime(2024, 5, 1, 0, 30, 0, DateTimeKind.Utc);
        for (var i = 0; i < 10; i++)
        {
            var submit = i % 2 == 0;
            db.AuditEntries.Add(new AuditEntry(first.AddDays(i), "u", i < 6 ? "张明" : "李芳", submit ? "Notice.Submit" : "User.Created",
                submit ? "Notice" : "User", i.ToString()));
        }
        await db.SaveChangesAsync();
        return t;
    }
}
