using Microsoft.Extensions.Time.Testing;
using XiheWorkflow.Core.Privacy;
using XiheWorkflow.Domain.Privacy;

namespace XiheWorkflow.Core.Tests.Privacy;

public class RosterPrivacyScannerTests
{
    private readonly RosterPrivacyScanner scanner = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Scan_Roster_FindsCellsAndForbiddenColumns()
    {
        string?[] headers = ["户主姓名", "家庭人口", "保障金额", "身份证号", "联系电话"];
        IReadOnlyList<string?>[] rows =
        [
            ["曹福", "4", "350", "640422********2812", "151****0013"],
            ["马晓丽", "5", "280", "640422199710098285", "15654235116"],
            ["向海", "4", "420", null],
        ];

        var result = scanner.Scan(headers, rows);

        result.IsClean.ShouldBeFalse();
        result.Findings.ShouldBe([
            new RosterFinding(2, 4, "身份证号", FindingKind.ResidentId, "640422********8285"),
            new RosterFinding(2, 5, "联系电话", FindingKind.Mobile, "156****5116"),
        ]);
        result.ForbiddenColumns.Select(c => c.Column).ShouldBe([4, 5]);
    }

    [Fact]
    public void Scan_AllowedColumnsOnly_IsClean()
    {
        var result = scanner.Scan(["户主姓名", "家庭人口", "保障金额（元/月）"], [["曹福", "4", "350"]]);

        result.IsClean.ShouldBeTrue();
    }
}
