using XiheWorkflow.Domain.Reporting;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Domain.Tests.Reporting;

public class ReportChecksTests
{
    private static AnnualReport Sample() => AnnualReportCalculator.Compute(2024, new ReportInputs
    {
        Applications =
        [
            new(ApplicantType.NaturalPerson, new DateOnly(2024, 3, 1), ApplicationOutcome.Disclosed, new DateOnly(2024, 3, 5)),
            new(ApplicantType.Business, new DateOnly(2023, 12, 1)),
        ],
    });

    private static TableB WithCell(TableB table, string row, int column, int delta) => new(table.Rows.Select(r =>
    {
        if (r.Code != row) return r;
        var values = r.Values.ToArray();
        values[column] += delta;
        return r with { Values = values };
    }).ToList());

    [Fact]
    public void Run_ConsistentTables_EveryRuleOkWithChineseDescription()
    {
        var report = Sample();

        var checks = ReportChecks.Run(report.TableB, report.TableC);

        checks.ShouldAllBe(c => c.Ok);
        checks.Single(c => c.Rule == "B.balance.NaturalPerson").Description.ShouldBe("一+二=三（七）+四（自然人）");
        checks.Single(c => c.Rule == "B.balance.Total").Description.ShouldBe("一+二=三（七）+四（总计）");
        checks.ShouldContain(c => c.Rule == "B.total.OtherOrganization");
        checks.ShouldContain(c => c.Rule == "B.columns.Withheld.StateSecret");
        checks.ShouldContain(c => c.Rule == "B.columns.CarriedForward");
        checks.Single(c => c.Rule == "C.total.LitigationDirect").Description.ShouldBe("总计=结果维持+结果纠正+其他结果+尚未审结（行政诉讼—未经复议直接起诉）");
    }

    [Fact]
    public void Run_CarriedForwardEditedByHand_BalanceAndColumnsFail()
    {
        var report = Sample();

        var checks = ReportChecks.Run(WithCell(report.TableB, TableB.CarriedForward, 1, 1), report.TableC);

        checks.Where(c => !c.Ok).Select(c => c.Rule).ShouldBe(["B.balance.Business", "B.columns.CarriedForward"], ignoreOrder: true);
    }

    [Fact]
    public void Run_LeafRowEditedByHand_TotalFails()
    {
        var report = Sample();
        var edited = WithCell(WithCell(report.TableB, "Other.Other", 0, 1), "Other.Other", 6, 1);

        var checks = ReportChecks.Run(edited, report.TableC);

        checks.Where(c => !c.Ok).Select(c => c.Rule).ShouldBe(["B.total.NaturalPerson", "B.total.Total"], ignoreOrder: true);
    }

    [Fact]
    public void Run_AppealTotalWrong_CTotalFails()
    {
        var report = Sample();
        var tableC = new TableC(report.TableC.Kinds.Select(k => k.Kind == AppealKind.Reconsideration ? k with { Total = 1 } : k).ToList());

        var checks = ReportChecks.Run(report.TableB, tableC);

        checks.Where(c => !c.Ok).Select(c => c.Rule).ShouldBe(["C.total.Reconsideration"]);
    }
}
