using System.Globalization;
using XiheWorkflow.Domain.Calendar;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Domain.Requests;

public enum ClockPause { None, AwaitingSupplement, Consultation }

/// <param name="DueDate">Last day to answer; null while waiting for a supplement, since the 20 days start again only when it arrives.</param>
/// <param name="WorkingDaysLeft">Working days from today to the due date; at most -1 once it has passed (even on a weekend right after it); null when there is no due date.</param>
/// <param name="IsProvisional">A year involved has no official calendar yet: counted with weekends only.</param>
/// <param name="Reasons">How the due date came about, one line per step, in Chinese for the register and the letters.</param>
/// <param name="SupplementDueOn">The supplement deadline (补正期限) while a requested supplement has not arrived.</param>
/// <param name="SupplementMissed">That deadline has passed without the supplement: the officer may close the application as
/// 逾期不补正 (<see cref="ApplicationOutcome.OtherNoSupplement"/>). Nothing closes it by itself.</param>
public sealed record ApplicationDeadline(
    DateOnly? DueDate, ClockPause Pause, int? WorkingDaysLeft, bool IsOverdue, bool IsProvisional, IReadOnlyList<string> Reasons,
    DateOnly? SupplementDueOn = null, bool SupplementMissed = false)
{
    public bool IsPaused => Pause != ClockPause.None;
}

/// <summary>
/// The statutory clock of a disclosure application (《政府信息公开条例》Art. 30–33): 20 working
/// days from receipt, the receipt day not counted; one extension of up to 20 working days; a
/// request for supplement sent within 7 working days of receipt stops the clock and the 20 days
/// start again from the supplement's receipt; working days spent consulting third parties or
/// other agencies are not counted.
/// </summary>
public static class ApplicationClock
{
    public const int ResponseDays = 20;
    public const int MaxExtensionDays = 20;
    public const int SupplementRequestDays = 7;

    /// <summary>The clock as of <paramref name="today"/>; an event dated after it is refused as a typo.</summary>
    public static ApplicationDeadline Compute(IEnumerable<ClockEvent> events, DateOnly today, WorkingCalendar calendar)
    {
        var ordered = events.OrderBy(e => e.Date).ToList(); // stable: same-day events keep the given order
        var receipts = ordered.Where(e => e.Kind == ClockEventKind.Received).ToList();
        if (receipts.Count == 0) throw new DomainException("Application.ReceiptMissing");
        if (receipts.Count > 1) throw new DomainException("Application.ReceivedTwice", Iso(receipts[1].Date));
        var received = receipts[0].Date;
        if (ordered[0].Date < received) throw new DomainException("Application.EventBeforeReceipt", Iso(ordered[0].Date), Iso(received));
        if (ordered[^1].Date > today) throw new DomainException("Application.EventAfterToday", Iso(ordered[^1].Date), Iso(today));

        var reasons = new List<string>
        {
            $"{Cn(received)}收到申请，应自收到之日起{ResponseDays}个工作日内答复（收到当日不计）：{Cn(calendar.AddWorkdays(received, ResponseDays))}。",
        };
        var start = received;
        var paused = 0;
        var extension = 0;
        var extensionGranted = false;
        var supplementRequested = false;
        var supplementReceived = false;
        var awaitingSupplement = false;
        var consultations = 0;
        var consultingSince = received;
        DateOnly? supplementDueOn = null;

        DateOnly Due(int extraPause = 0) => calendar.AddWorkdays(start, ResponseDays + extension + paused + extraPause);

        // Working days in (since, until] the clock stood still. A consultation begun after the
        // due date cannot rescue an answer that was already late.
        int PauseDays(DateOnly since, DateOnly until) =>
            since > Due() ? 0 : Math.Max(0, calendar.WorkdaysBetween(since, until));

        foreach (var e in ordered)
        {
            switch (e.Kind)
            {
                case ClockEventKind.Received:
                    break;

                case ClockEventKind.SupplementRequested:
                    if (supplementRequested) throw new DomainException("Application.SupplementAlreadyRequested", Iso(e.Date));
                    supplementRequested = true;
                    supplementDueOn = e.SupplementDueOn;
                    var elapsed = calendar.WorkdaysBetween(received, e.Date);
                    if (elapsed <= SupplementRequestDays)
                    {
                        awaitingSupplement = true;
                        reasons.Add($"{Cn(e.Date)}发出补正告知（收到申请后第{elapsed}个工作日），计时中止，收到补正后重新计算{ResponseDays}个工作日。");
                    }
                    else
                    {
                        reasons.Add($"{Cn(e.Date)}发出补正告知，已超过收到申请后{SupplementRequestDays}个工作日（第{elapsed}个工作日），计时不中止。");
                    }
                    break;

                case ClockEventKind.SupplementReceived:
                    if (!supplementRequested) throw new DomainException("Application.SupplementNotRequested", Iso(e.Date));
                    if (supplementReceived) throw new DomainException("Application.SupplementAlreadyReceived", Iso(e.Date));
                    supplementReceived = true;
                    if (awaitingSupplement)
                    {
                        awaitingSupplement = false;
                        start = e.Date;
                        paused = 0;
                        if (consultations > 0) consultingSince = e.Date;
                        reasons.Add($"{Cn(e.Date)}收到补正材料，自该日起重新计算{ResponseDays}个工作日（当日不计）：{Cn(Due())}。");
                    }
                    else
                    {
                        reasons.Add($"{Cn(e.Date)}收到补正材料；补正告知逾期，不重新计时。");
                    }
                    break;

                case ClockEventKind.ConsultationStarted:
                    if (consultations++ == 0) consultingSince = e.Date;
                    reasons.Add($"{Cn(e.Date)}开始征求第三方或有关机关意见，征求意见时间不计入答复期限。");
                    break;

                case ClockEventKind.ConsultationEnded:
                    if (consultations == 0) throw new DomainException("Application.ConsultationNotStarted", Iso(e.Date));
                    if (--consultations > 0)
                    {
                        reasons.Add($"{Cn(e.Date)}一项征求意见结束，仍有征求意见未结束。");
                        break;
                    }
                    if (awaitingSupplement)
                    {
                        reasons.Add($"{Cn(e.Date)}征求意见结束（等待补正期间，计时本已中止）。");
                        break;
                    }
                    var startedLate = consultingSince > Due();
                    var days = PauseDays(consultingSince, e.Date);
                    paused += days;
                    reasons.Add(startedLate
                        ? $"{Cn(e.Date)}征求意见结束；征求意见始于答复期限届满之后，不顺延。"
                        : $"{Cn(e.Date)}征求意见结束，不计入{days}个工作日，答复期限顺延至{Cn(Due())}。");
                    break;

                case ClockEventKind.ExtensionGranted:
                    if (extensionGranted) throw new DomainException("Application.ExtensionAlreadyGranted", Iso(e.Date));
                    if (e.ExtensionDays is < 1 or > MaxExtensionDays) throw new DomainException("Application.ExtensionOutOfRange", e.ExtensionDays, MaxExtensionDays);
                    var lateGrant = !awaitingSupplement && consultations == 0 && e.Date > Due();
                    extensionGranted = true;
                    extension = e.ExtensionDays;
                    reasons.Add($"{Cn(e.Date)}经批准延期{e.ExtensionDays}个工作日" +
                        (awaitingSupplement ? "。" : $"，答复期限延至{Cn(Due())}。") +
                        (lateGrant ? "延期决定晚于原答复期限。" : ""));
                    break;

                default:
                    throw new DomainException("Application.UnknownEvent", e.Kind.ToString());
            }
        }

        // The supplement deadline passes unnoticed otherwise: a paused application has no due date.
        var waitingFor = supplementRequested && !supplementReceived ? supplementDueOn : null;
        var missed = waitingFor is { } sd && today > sd;
        if (awaitingSupplement)
        {
            reasons.Add("等待申请人补正，计时中止。");
            if (missed) reasons.Add(SupplementMissedReason(waitingFor!.Value));
            return new ApplicationDeadline(null, ClockPause.AwaitingSupplement, null, false, calendar.IsProvisional(start, today), reasons,
                waitingFor, missed);
        }

        var pause = ClockPause.None;
        var due = Due();
        if (consultations > 0)
        {
            pause = ClockPause.Consultation;
            due = Due(PauseDays(consultingSince, today));
            reasons.Add($"征求意见尚未结束，计时暂停；如今日结束，答复期限为{Cn(due)}。");
        }

        var overdue = today > due;
        var left = calendar.WorkdaysBetween(today, due);
        if (overdue) left = Math.Min(left, -1);
        reasons.Add(overdue
            ? $"答复期限{Cn(due)}已过，逾期{-left}个工作日。"
            : $"答复期限：{Cn(due)}，尚余{left}个工作日。");
        var provisional = calendar.IsProvisional(start, due) || calendar.IsProvisional(start, today);
        if (provisional) reasons.Add("涉及尚未录入节假日安排的年份，按双休日推算，待录入后重新计算。");
        if (missed) reasons.Add(SupplementMissedReason(waitingFor!.Value));
        return new ApplicationDeadline(due, pause, left, overdue, provisional, reasons, waitingFor, missed);
    }

    private static string SupplementMissedReason(DateOnly dueOn) => $"补正期限{Cn(dueOn)}已过，申请人未补正，可按逾期不补正办结。";

    private static string Cn(DateOnly day) => ChinaTime.ChineseDate(day);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
