using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;

namespace XiheWorkflow.Core.Notices;

/// <summary>索引号: organisation code, year of publication and a sequence within the year (640422037/2024-00002).</summary>
public static class IndexNumbers
{
    public static string Format(string organizationCode, int year, int sequence) => $"{organizationCode}/{year}-{sequence:D5}";

    /// <summary>The next free sequence of the year; the unique index on IndexNumber refuses a collision.</summary>
    public static async Task<int> NextSequenceAsync(XiheDbContext db, string organizationCode, int year, CancellationToken ct)
    {
        var prefix = $"{organizationCode}/{year}-";
        var last = await db.Notices.Where(n => n.IndexNumber != null && n.IndexNumber.StartsWith(prefix))
            .Select(n => n.IndexNumber!).OrderByDescending(x => x).FirstOrDefaultAsync(ct);
        return last is null ? 1 : int.Parse(last[prefix.Length..]) + 1;
    }
}
