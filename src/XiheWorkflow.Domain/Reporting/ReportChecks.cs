using XiheWorkflow.Domain.Common;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Domain.Reporting;

/// <summary>
/// The national format's consistency rules. They run on the tables as they stand, not on the
/// inputs, so a report whose figures were corrected by hand is checked as well.
/// </summary>
public static class ReportChecks
{
    public static IReadOnlyList<ReportCheck> Run(TableB tableB, TableC tableC)
    {
        var checks = new List<ReportCheck>();
        var columns = TableB.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            var ok = tableB.Row(TableB.Received).Values[c] + tableB.Row(TableB.CarriedOver).Values[c]
                == tableB.Row(TableB.TotalRow).Values[c] + tableB.Row(TableB.CarriedForward).Values[c];
            checks.Add(new($"B.balance.{columns[c]}", $"一+二=三（七）+四（{ColumnName(columns[c])}）", ok));
        }
        for (var c = 0; c < columns.Count; c++)
        {
            var leaves = ApplicationOutcomes.All.Sum(o => tableB.Row(o).Values[c]);
            checks.Add(new($"B.total.{columns[c]}", $"三（七）=（一）至（六）各项之和（{ColumnName(columns[c])}）",
                tableB.Row(TableB.TotalRow).Values[c] == leaves));
        }
        foreach (var code in TableB.RowCodes)
        {
            var values = tableB.Row(code).Values;
            checks.Add(new($"B.columns.{code}", $"总计=各类申请人之和（{RowName(code)}）", values[^1] == values.Take(values.Count - 1).Sum()));
        }
        foreach (var k in tableC.Kinds)
        {
            checks.Add(new($"C.total.{k.Kind}", $"总计=结果维持+结果纠正+其他结果+尚未审结（{KindName(k.Kind)}）",
                k.Total == k.Upheld + k.Corrected + k.Other + k.Pending));
        }
        return checks;
    }

    // 其他 alone is ambiguous in a sentence: the format's column sits under 法人或其他组织.
    private static string ColumnName(string column) =>
        column == nameof(ApplicantType.OtherOrganization) ? "其他法人或其他组织" : AnnualReportFormat.ColumnLabel(column);

    private static string RowName(string code) => code switch
    {
        TableB.Received => AnnualReportFormat.ReceivedLabel,
        TableB.CarriedOver => AnnualReportFormat.CarriedOverLabel,
        TableB.TotalRow => "三" + AnnualReportFormat.ResultsTotalLabel,
        TableB.CarriedForward => AnnualReportFormat.CarriedForwardLabel,
        _ => LabelOfOutcomeCode(code),
    };

    private static string LabelOfOutcomeCode(string code)
    {
        var outcome = ApplicationOutcomes.All.First(o => o.Code() == code);
        return outcome.Group() switch
        {
            OutcomeGroup.Disclosed or OutcomeGroup.PartiallyDisclosed => AnnualReportFormat.GroupLabel(outcome.Group())[..3] + CodeLabels.Label(outcome),
            var g => $"{AnnualReportFormat.GroupLabel(g)}{CodeLabels.Label(outcome)}",
        };
    }

    private static string KindName(AppealKind kind) =>
        kind == AppealKind.Reconsideration ? AnnualReportFormat.ReconsiderationLabel : $"{AnnualReportFormat.LitigationLabel}—{AnnualReportFormat.AppealKindLabel(kind)}";
}
