using XiheWorkflow.Domain.Notices;
using XiheWorkflow.Domain.Requests;

namespace XiheWorkflow.Domain.Reporting;

public sealed record AnnualReport(int Year, TableA TableA, TableB TableB, TableC TableC, PublishingFigures Publishing, IReadOnlyList<ReportCheck> Checks)
{
    public bool ChecksOk => Checks.All(c => c.Ok);
}

public sealed record DocumentCounts(int Issued, int Repealed, int InForce);

/// <summary>Table A, 主动公开政府信息情况.</summary>
public sealed record TableA(DocumentCounts Regulations, DocumentCounts NormativeDocuments, int Licensing, int Penalty, int Enforcement, decimal FeesTenThousandYuan);

public sealed record TableBRow(string Code, IReadOnlyList<int> Values)
{
    public int this[string column] => Values[TableB.ColumnIndex(column)];
    public int Total => Values[^1];
}

/// <summary>Table B, 收到和处理政府信息公开申请情况: rows and columns keyed by their contract codes.</summary>
public sealed record TableB(IReadOnlyList<TableBRow> Rows)
{
    public const string TotalColumn = "Total";
    public const string Received = "Received";
    public const string CarriedOver = "CarriedOver";
    public const string TotalRow = "Total";
    public const string CarriedForward = "CarriedForward";

    /// <summary>The six applicant columns in the report's order, then the total.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [.. Enum.GetValues<ApplicantType>().Select(a => a.ToString()), TotalColumn];

    /// <summary>Every row in the report's order: 一, 二, the outcome leaves of 三, 三（七）, 四.</summary>
    public static IReadOnlyList<string> RowCodes { get; } =
        [Received, CarriedOver, .. ApplicationOutcomes.All.Select(o => o.Code()), TotalRow, CarriedForward];

    public TableBRow Row(string code) =>
        Rows.FirstOrDefault(r => r.Code == code) ?? throw new KeyNotFoundException($"Table B has no row {code}.");

    public TableBRow Row(ApplicationOutcome outcome) => Row(outcome.Code());

    internal static int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column) return i;
        }
        throw new KeyNotFoundException($"Table B has no column {column}.");
    }
}

public sealed record AppealCounts(AppealKind Kind, int Upheld, int Corrected, int Other, int Pending, int Total);

/// <summary>Table C, 政府信息公开行政复议、行政诉讼情况.</summary>
public sealed record TableC(IReadOnlyList<AppealCounts> Kinds)
{
    public AppealCounts this[AppealKind kind] => Kinds.First(k => k.Kind == kind);
}

/// <summary>Section 一's counts: notices posted per channel, and the WeChat pushes by form and origin.</summary>
public sealed record PublishingFigures(
    IReadOnlyDictionary<Channel, int> ByChannel,
    IReadOnlyDictionary<ContentForm, int> WeChatByForm,
    IReadOnlyDictionary<ContentOrigin, int> WeChatByOrigin);

public sealed record ReportCheck(string Rule, string Description, bool Ok);
