using XiheWorkflow.Domain.Privacy;

namespace XiheWorkflow.Domain.Tests.Privacy;

public class RosterColumnRulesTests
{
    [Fact]
    public void FindForbidden_SampleRosterHeaders_FlagsIdAndPhoneColumns()
    {
        var forbidden = RosterColumnRules.FindForbidden(["序号", "村组", "户主姓名", "家庭人口", "保障金额（元/月）", "身份证号", "联系电话"]);
        forbidden.ShouldBe([
            new ForbiddenColumn(6, "身份证号", RosterColumnConcern.ResidentId),
            new ForbiddenColumn(7, "联系电话", RosterColumnConcern.Phone),
        ]);
    }

    [Theory]
    [InlineData("手机号码", RosterColumnConcern.Phone)]
    [InlineData("开户银行", RosterColumnConcern.BankAccount)]
    [InlineData("一卡通账号", RosterColumnConcern.BankAccount)]
    [InlineData("家庭住址", RosterColumnConcern.Address)]
    [InlineData("现居地址", RosterColumnConcern.Address)]
    [InlineData("患病情况", RosterColumnConcern.Health)]
    [InlineData("残疾等级", RosterColumnConcern.Health)]
    [InlineData("家庭年收入", RosterColumnConcern.Income)]
    public void Check_HeaderNamingSensitiveData_IsFlagged(string header, RosterColumnConcern concern)
    {
        RosterColumnRules.Check(header).ShouldBe(concern);
    }

    [Theory]
    [InlineData("户主姓名")]
    [InlineData("家庭人口")]
    [InlineData("保障金额（元/月）")]
    [InlineData("")]
    [InlineData(null)]
    public void Check_AllowedHeader_IsNotFlagged(string? header)
    {
        RosterColumnRules.Check(header).ShouldBeNull();
    }
}
