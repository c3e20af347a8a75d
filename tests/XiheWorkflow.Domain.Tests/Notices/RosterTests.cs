using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Domain.Tests.Notices;

public class RosterTests
{
    private static Roster Table(params string[][] rows) => Roster.FromTable(rows.Select(r => (IReadOnlyList<string?>)r).ToList());

    [Fact]
    public void FromTable_HeaderAndRows_KeepsColumnsAsSent()
    {
        var roster = Table(["姓名", "家庭人口", "金额"], ["张三", "3", "350"], ["李四", "2"]);
        roster.Headers.ShouldBe(["姓名", "家庭人口", "金额"]);
        roster.Rows[1].ShouldBe(["李四", "2", ""]);
    }

    [Theory]
    [InlineData("Roster.Empty")]
    [InlineData("Roster.NoRows", "姓名")]
    public void FromTable_NotAUsableTable_IsRefused(string code, params string[] header)
    {
        var rows = header.Length == 0 ? Array.Empty<string[]>() : [header];
        Should.Throw<DomainException>(() => Table(rows)).Code.ShouldBe(code);
    }

    [Fact]
    public void FromTable_RowWiderThanHeader_NamesTheRow()
    {
        var e = Should.Throw<DomainException>(() => Table(["姓名", "金额"], ["张三", "350"], ["李四", "280", "多余"]));
        e.Code.ShouldBe("Roster.RowTooWide");
        e.Args.ShouldBe([3]);
    }

    [Fact]
    public void Compare_RowAddedRemovedAndAmountChanged_ReportsEach()
    {
        var v1 = Table(["姓名", "家庭人口", "金额"], ["张三", "3", "350"], ["李四", "2", "280"], ["王五", "1", "200"]);
        var v2 = Table(["姓名", "家庭人口", "金额"], ["张三", "3", "380"], ["王五", "1", "200"], ["赵六", "4", "420"]);

        var diff = RosterComparison.Compare(v1, v2);

        diff.Count.ShouldBe(3);
        var changed = diff.Single(d => d.Change == RosterRowChange.Changed);
        changed.Key.ShouldBe("张三");
        changed.CellChanges.ShouldBe([new RosterCellChange("金额", "350", "380")]);
        diff.Single(d => d.Change == RosterRowChange.Added).Key.ShouldBe("赵六");
        diff.Single(d => d.Change == RosterRowChange.Removed).Key.ShouldBe("李四");
    }

    [Fact]
    public void Compare_SameRoster_HasNoChanges()
    {
        var v = Table(["姓名", "金额"], ["张三", "350"]);
        RosterComparison.Compare(v, v).ShouldBeEmpty();
    }
}
