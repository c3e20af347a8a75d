namespace XiheWorkflow.Domain.Privacy;

/// <summary>Why a roster column must not be published.</summary>
public enum RosterColumnConcern { ResidentId, Phone, BankAccount, Address, Health, Income }

public sealed record ForbiddenColumn(int Column, string Header, RosterColumnConcern Concern);

/// <summary>
/// A 低保-type list may carry only name, household size and amount (2021 办法 Art. 24), so a column
/// whose header names anything else personal is flagged as a whole, whatever its cells hold: a
/// masked ID column is still a column that should not be there.
/// </summary>
public static class RosterColumnRules
{
    private static readonly (string Word, RosterColumnConcern Concern)[] Words =
    [
        ("身份证", RosterColumnConcern.ResidentId),
        ("证件号", RosterColumnConcern.ResidentId),
        ("电话", RosterColumnConcern.Phone),
        ("手机", RosterColumnConcern.Phone),
        ("联系方式", RosterColumnConcern.Phone),
        ("银行", RosterColumnConcern.BankAccount),
        ("账号", RosterColumnConcern.BankAccount),
        ("账户", RosterColumnConcern.BankAccount),
        ("卡号", RosterColumnConcern.BankAccount),
        ("住址", RosterColumnConcern.Address),
        ("地址", RosterColumnConcern.Address),
        ("病", RosterColumnConcern.Health),
        ("残疾", RosterColumnConcern.Health),
        ("收入", RosterColumnConcern.Income),
    ];

    public static RosterColumnConcern? Check(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        foreach (var (word, concern) in Words)
        {
            if (header.Contains(word, StringComparison.Ordinal)) return concern;
        }
        return null;
    }

    /// <summary>Forbidden columns among the headers; <see cref="ForbiddenColumn.Column"/> is 1-based.</summary>
    public static IReadOnlyList<ForbiddenColumn> FindForbidden(IReadOnlyList<string?> headers)
    {
        var forbidden = new List<ForbiddenColumn>();
        for (var k = 0; k < headers.Count; k++)
        {
            if (Check(headers[k]) is { } concern) forbidden.Add(new ForbiddenColumn(k + 1, headers[k]!.Trim(), concern));
        }
        return forbidden;
    }
}
