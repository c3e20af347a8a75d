using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using XiheWorkflow.Core.Auditing;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.EndToEnd.Tests.Admin;

[Collection(AppCollection.Name)]
public class AuditLogJourneyTests(AppFixture app)
{
    [Fact]
    public async Task Admin_OpensTheAuditLog_FiltersByActorAndVerifiesTheChain()
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<XiheDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var at = new DateTime(2024, 5, 10, 1, 30, 0, DateTimeKind.Utc);
            db.AuditEntries.Add(new AuditEntry(at, null, "审计测试甲", "Notice.Submit", "Notice", "901", "Draft", "PendingLeader", 1));
            db.AuditEntries.Add(new AuditEntry(at.AddMinutes(5), null, "审计测试乙", "Notice.Return", "Notice", "901", "PendingLeader", "Returned", 1, "请补充依据"));
            await db.SaveChangesAsync();
        }

        var page = await app.NewPageAsync();
        await page.SignInAsync("admin");
        await page.GotoAsync("/admin");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "审计日志" }).ClickAsync();

        var table = page.GetByRole(AriaRole.Table, new() { Name = "审计日志" });
        await Assertions.Expect(table.GetByRole(AriaRole.Cell, new() { Name = "请补充依据" })).ToBeVisibleAsync();
        await page.GetByLabel("操作人").FillAsync("审计测试甲");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(table.GetByRole(AriaRole.Cell, new() { Name = "请补充依据" })).ToHaveCountAsync(0);
        await Assertions.Expect(table.GetByRole(AriaRole.Cell, new() { Name = "审计测试甲" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "验证哈希链" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-verify-result")).ToContainTextAsync("哈希链完整");
        await page.ScreenshotAsync("admin-audit-log");
    }
}
