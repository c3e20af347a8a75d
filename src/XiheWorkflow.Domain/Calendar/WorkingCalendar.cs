using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Calendar;

/// <summary>
/// Working days (工作日) under the official calendar: Monday to Friday, minus statutory days off,
/// plus the weekend days worked in exchange. Outside the years it knows it falls back to weekends
/// only and says so through <see cref="IsProvisional(DateOnly)"/>.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<int> _knownYears;
    private readonly int _firstDay;
    private readonly bool[] _workday;
    // _correction[i] = (working days) - (Mondays to Fridays) over the covered days up to and
    // including day _firstDay + i; it turns counting between two dates into two look-ups.
    private readonly int[] _correction;

    public IReadOnlyList<CalendarYear> Years { get; }

    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        Years = years.OrderBy(y => y.Year).ToArray();
        _knownYears = [];
        foreach (var y in Years)
        {
            if (!_knownYears.Add(y.Year)) throw new DomainException("Calendar.DuplicateYear", y.Year);
        }

        var off = new Dictionary<DateOnly, int>();
        var on = new Dictionary<DateOnly, int>();
        foreach (var y in Years)
        {
            foreach (var d in y.DaysOff) off[d] = y.Year;
            foreach (var d in y.MakeUpWorkdays) on[d] = y.Year;
        }
        // Two notices can both name a day across the new year; they must not disagree.
        var clashes = off.Keys.Where(on.ContainsKey).Order().ToArray();
        if (clashes.Length > 0) throw new DomainException("Calendar.DayBothOffAndWorking", CalendarYear.Text(clashes[0]));

        if (Years.Count == 0)
        {
            _workday = [];
            _correction = [];
            return;
        }
        var first = new DateOnly(Years[0].Year, 1, 1).AddDays(-31);
        var last = new DateOnly(Years[^1].Year, 12, 31).AddDays(31);
        _firstDay = first.DayNumber;
        var length = last.DayNumber - _firstDay + 1;
        _workday = new bool[length];
        _correction = new int[length];
        var running = 0;
        for (var i = 0; i < length; i++)
        {
            var day = DateOnly.FromDayNumber(_firstDay + i);
            var weekday = IsMondayToFriday(day.DayNumber);
            var working = off.ContainsKey(day) ? false : on.ContainsKey(day) || weekday;
            _workday[i] = working;
            running += (working ? 1 : 0) - (weekday ? 1 : 0);
            _correction[i] = running;
        }
    }

    /// <summary>Years with an official arrangement; other years are counted with weekends only.</summary>
    public IReadOnlyCollection<int> KnownYears => _knownYears;

    public bool IsWorkday(DateOnly day)
    {
        var i = day.DayNumber - _firstDay;
        return i >= 0 && i < _workday.Length ? _workday[i] : IsMondayToFriday(day.DayNumber);
    }

    /// <summary>True when no official arrangement covers the day's year: the answer assumes weekends only.</summary>
    public bool IsProvisional(DateOnly day) => !_knownYears.Contains(day.Year);

    /// <summary>True when any day from <paramref name="from"/> to <paramref name="to"/> (either order) falls in an unknown year.</summary>
    public bool IsProvisional(DateOnly from, DateOnly to)
    {
        var (a, b) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        for (var y = a; y <= b; y++)
        {
            if (!_knownYears.Contains(y)) return true;
        }
        return false;
    }

    /// <summary>
    /// The day <paramref name="n"/> working days after <paramref name="start"/>, the start day not
    /// counted (《民法典》Art. 201); n = 0 returns the start itself.
    /// </summary>
    public DateOnly AddWorkdays(DateOnly start, int n)
    {
        if (n < 0) throw new DomainException("Calendar.NegativeWorkdays", n);
        if (n == 0) return start;
        var target = CountUpTo(start.DayNumber) + n;
        // CountUpTo rises by one exactly on working days, so the first day reaching the target is
        // the answer. A working week has at least one working day in any long stretch, so
        // widening the upper bound by doubling terminates quickly.
        long lo = start.DayNumber + 1;
        long hi = start.DayNumber + (long)n * 2 + 14;
        var max = DateOnly.MaxValue.DayNumber;
        while (CountUpTo((int)Math.Min(hi, max)) < target)
        {
            if (hi >= max) throw new DomainException("Calendar.DateOutOfRange", CalendarYear.Text(start), n);
            lo = hi + 1;
            hi = Math.Min(max, hi * 2 - start.DayNumber);
        }
        hi = Math.Min(hi, max);
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (CountUpTo((int)mid) >= target) hi = mid; else lo = mid + 1;
        }
        return DateOnly.FromDayNumber((int)lo);
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkdaysBetween(DateOnly from, DateOnly to) => (int)(CountUpTo(to.DayNumber) - CountUpTo(from.DayNumber));

    public DateOnly NextWorkdayOnOrAfter(DateOnly day)
    {
        while (!IsWorkday(day)) day = day.AddDays(1);
        return day;
    }

    private static bool IsMondayToFriday(int dayNumber) => dayNumber % 7 < 5; // day 0 (0001-01-01) is a Monday

    // Working days from day 0 up to and including dayNumber.
    private long CountUpTo(int dayNumber)
    {
        long days = (long)dayNumber + 1;
        var weekdays = days / 7 * 5 + Math.Min(days % 7, 5);
        var i = dayNumber - _firstDay;
        if (_correction.Length == 0 || i < 0) return weekdays;
        return weekdays + _correction[Math.Min(i, _correction.Length - 1)];
    }
}
