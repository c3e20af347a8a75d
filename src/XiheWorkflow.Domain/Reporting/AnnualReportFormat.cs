using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Domain.Reporting;

/// <summary>
/// The labels of the national format (国办公开办函〔2021〕30号, reference/annual-report-format.md),
/// written out once so that the document, the checks and the screens say the same words.
/// </summary>
public static class AnnualReportFormat
{
    public static IReadOnlyList<string> Sections { get; } =
    [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、政府信息公开工作存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ];

    public static IReadOnlyList<string> OverviewParts { get; } = ["主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"];

    public const string TableBNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    public const string ApplicantHeader = "申请人情况";
    public const string OrganizationHeader = "法人或其他组织";
    public const string Total = "总计";

    /// <summary>Column headers of table B under 申请人情况, by applicant type, then 总计.</summary>
    public static string ColumnLabel(string column) => column switch
    {
        nameof(ApplicantType.NaturalPerson) => "自然人",
        nameof(ApplicantType.Business) => "商业企业",
        nameof(ApplicantType.Research) => "科研机构",
        nameof(ApplicantType.PublicInterest) => "社会公益组织",
        nameof(ApplicantType.LegalService) => "法律服务机构",
        nameof(ApplicantType.OtherOrganization) => "其他",
        TableB.TotalColumn => Total,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

    public const string ReceivedLabel = "一、本年新收政府信息公开申请数量";
    public const string CarriedOverLabel = "二、上年结转政府信息公开申请数量";
    public const string ResultsLabel = "三、本年度办理结果";
    public const string ResultsTotalLabel = "（七）总计";
    public const string CarriedForwardLabel = "四、结转下年度继续办理";

    public static string GroupLabel(OutcomeGroup group) => group switch
    {
        OutcomeGroup.Disclosed => "（一）予以公开",
        OutcomeGroup.PartiallyDisclosed => "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        OutcomeGroup.Withheld => "（三）不予公开",
        OutcomeGroup.Unavailable => "（四）无法提供",
        OutcomeGroup.NotProcessed => "（五）不予处理",
        OutcomeGroup.Other => "（六）其他处理",
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    public static IReadOnlyList<string> AppealResultLabels { get; } = ["结果维持", "结果纠正", "其他结果", "尚未审结", Total];
    public const string ReconsiderationLabel = "行政复议";
    public const string LitigationLabel = "行政诉讼";

    public static string AppealKindLabel(AppealKind kind) => kind switch
    {
        AppealKind.Reconsideration => ReconsiderationLabel,
        AppealKind.LitigationDirect => "未经复议直接起诉",
        AppealKind.LitigationAfterReconsideration => "复议后起诉",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
