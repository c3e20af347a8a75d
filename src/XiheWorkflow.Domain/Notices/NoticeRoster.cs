namespace XiheWorkflow.Domain.Notices;

/// <summary>
/// A notice's roster: the working copy the author edits (<see cref="Revision"/> null) and one
/// frozen copy per submitted revision, so that decisions and comparisons see what was judged.
/// </summary>
public class NoticeRoster
{
    public int Id { get; private set; }
    public int NoticeId { get; private set; }
    public int? Revision { get; private set; }
    public string FileName { get; private set; } = "";
    public Roster Roster { get; private set; } = new();
    public DateTime UpdatedAtUtc { get; private set; }

    private NoticeRoster() { }

    public NoticeRoster(int noticeId, int? revision, string fileName, Roster roster, DateTime nowUtc)
    {
        NoticeId = noticeId;
        Revision = revision;
        FileName = fileName;
        Roster = roster;
        UpdatedAtUtc = nowUtc;
    }

    public void Replace(string fileName, Roster roster, DateTime nowUtc)
    {
        if (Revision is not null) throw new InvalidOperationException("A frozen roster never changes.");
        FileName = fileName;
        Roster = roster;
        UpdatedAtUtc = nowUtc;
    }
}
