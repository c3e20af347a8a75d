namespace XiheWorkflow.Core.Publicity;

public enum NotificationKind
{
    WindowClosing, ReviewWaiting, Timeliness, WindowClosed, Published,
    // The subject of these is the application (依申请公开), not a notice.
    ApplicationDueSoon, ApplicationOverdue,
    CommentOverdue, ChannelNotPosted,
    // The subject is the report's year.
    AnnualReportDue,
    // The subject is the application: its 补正期限 passed without the supplement.
    SupplementOverdue,
}

public static class NotificationLinks
{
    /// <summary>Where a reminder takes the person who clicks it.</summary>
    public static string For(NotificationKind kind, int subjectId) => kind switch
    {
        NotificationKind.ApplicationDueSoon or NotificationKind.ApplicationOverdue or NotificationKind.SupplementOverdue => $"/requests/{subjectId}",
        NotificationKind.AnnualReportDue => $"/report?year={subjectId}",
        _ => $"/notices/{subjectId}",
    };
}

/// <summary>
/// One line in a person's 提醒 (the bell). A reminder addressed to a role is fanned out to the
/// role's holders when it is created, so that each of them reads it on their own.
/// </summary>
public class Notification
{
    public long Id { get; private set; }
    public string RecipientUserId { get; private set; } = "";
    /// <summary>The role it was addressed to, when it was (shown as "致 政务公开负责人").</summary>
    public string? RecipientRole { get; private set; }
    public NotificationKind Kind { get; private set; }
    public int NoticeId { get; private set; }
    public string Text { get; private set; } = "";
    /// <summary>The Shanghai day it is about: the same reminder is made at most once a day.</summary>
    public DateOnly Day { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }

    private Notification() { }

    public Notification(string recipientUserId, string? recipientRole, NotificationKind kind, int noticeId, string text, DateOnly day, DateTime createdAtUtc)
    {
        RecipientUserId = recipientUserId;
        RecipientRole = recipientRole;
        Kind = kind;
        NoticeId = noticeId;
        Text = text;
        Day = day;
        CreatedAtUtc = createdAtUtc;
    }

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}

/// <summary>
/// A message waiting for the outgoing webhook (企业微信群机器人). Written in the same sweep as the
/// reminder it tells of, delivered later by <see cref="WebhookDispatcher"/>, so a slow or dead
/// endpoint never holds up a sweep.
/// </summary>
public class WebhookMessage
{
    public long Id { get; private set; }
    /// <summary>What makes it unique (kind, notice, day): a repeated sweep does not queue it twice.</summary>
    public string DedupKey { get; private set; } = "";
    public string Content { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAtUtc { get; private set; }
    public DateTime? DeliveredAtUtc { get; private set; }
    public string? LastError { get; private set; }
    public int Version { get; private set; }

    public const int MaxAttempts = 8;

    private WebhookMessage() { }

    public WebhookMessage(string dedupKey, string content, DateTime nowUtc)
    {
        DedupKey = dedupKey;
        Content = content;
        CreatedAtUtc = nowUtc;
        NextAttemptAtUtc = nowUtc;
    }

    public bool GaveUp => DeliveredAtUtc is null && Attempts >= MaxAttempts;

    public void Delivered(DateTime nowUtc)
    {
        Attempts++;
        DeliveredAtUtc = nowUtc;
        LastError = null;
        Version++;
    }

    /// <summary>Backs off 1, 2, 4 … minutes (at most an hour) before the next try.</summary>
    public void Failed(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        NextAttemptAtUtc = nowUtc.AddMinutes(Math.Min(60, Math.Pow(2, Attempts - 1)));
        Version++;
    }
}

/// <summary>A setting Admin keeps in the database (so that it changes without a release), by key.</summary>
public class AppSetting
{
    public string Key { get; private set; } = "";
    public string? Value { get; private set; }
    public int Version { get; private set; }

    private AppSetting() { }

    public AppSetting(string key, string? value)
    {
        Key = key;
        Value = value;
    }

    public void Set(string? value)
    {
        Value = value;
        Version++;
    }

    public const string WebhookUrl = "Reminders.WebhookUrl";
}
