using System.Globalization;

namespace XiheWorkflow.Domain.Calendar;

/// <summary>
/// The holiday arrangements the release ships with (State Council notices, see
/// reference/regulations.md). Administrators add later years as data; this is the starting point.
/// </summary>
public static class OfficialCalendar
{
    public static IReadOnlyList<CalendarYear> ShippedYears { get; } =
    [
        // 2022-12-31 is a Saturday named by the 2023 notice; it is off either way.
        new(2023,
            Days("2022-12-31..2023-01-02", "2023-01-21..2023-01-27", "2023-04-05", "2023-04-29..2023-05-03",
                 "2023-06-22..2023-06-24", "2023-09-29..2023-10-06"),
            Days("2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08"),
            "国办发明电〔2022〕16号"),
        new(2024,
            Days("2024-01-01", "2024-02-10..2024-02-17", "2024-04-04..2024-04-06", "2024-05-01..2024-05-05",
                 "2024-06-10", "2024-09-15..2024-09-17", "2024-10-01..2024-10-07"),
            Days("2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"),
            "国办发明电〔2023〕7号"),
        new(2025,
            Days("2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06", "2025-05-01..2025-05-05",
                 "2025-05-31..2025-06-02", "2025-10-01..2025-10-08"),
            Days("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"),
            "国办发明电〔2024〕12号"),
        new(2026,
            Days("2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06", "2026-05-01..2026-05-05",
                 "2026-06-19..2026-06-21", "2026-09-25..2026-09-27", "2026-10-01..2026-10-07"),
            Days("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"),
            "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）"),
    ];

    public static WorkingCalendar Shipped { get; } = new(ShippedYears);

    // "yyyy-MM-dd" or an inclusive range "yyyy-MM-dd..yyyy-MM-dd", as the notices print them.
    private static IEnumerable<DateOnly> Days(params string[] items)
    {
        foreach (var item in items)
        {
            var parts = item.Split("..");
            var first = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var last = parts.Length == 1 ? first : DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var d = first; d <= last; d = d.AddDays(1)) yield return d;
        }
    }
}
