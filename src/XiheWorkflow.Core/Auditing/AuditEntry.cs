using System.Security.Cryptography;
using System.Text;

namespace XiheWorkflow.Core.Auditing;

/// <summary>
/// One append-only line of the audit log. Each entry carries the hash of the previous one, so that
/// editing, deleting or reordering rows in the database file is detectable (`xihe audit verify`).
/// </summary>
public class AuditEntry
{
    public long Id { get; private set; }
    public long Sequence { get; internal set; }
    public DateTime AtUtc { get; private set; }
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    /// <summary>What happened, as a stable code: Notice.Submit, Notice.Refused, User.Created …</summary>
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string? EntityId { get; private set; }
    public string? FromState { get; private set; }
    public string? ToState { get; private set; }
    public int? Revision { get; private set; }
    public string? Reason { get; private set; }
    public string? Details { get; private set; }
    public string PrevHash { get; internal set; } = "";
    public string Hash { get; internal set; } = "";

    private AuditEntry() { }

    public AuditEntry(DateTime atUtc, string? actorId, string actorName, string action, string entityType,
        string? entityId, string? fromState = null, string? toState = null, int? revision = null,
        string? reason = null, string? details = null)
    {
        // Kept to the microsecond, as PostgreSQL stores instants (SQLite keeps every tick): the hash
        // is computed before the save and must be computed the same from what the database hands back.
        AtUtc = new DateTime(atUtc.Ticks - atUtc.Ticks % 10, DateTimeKind.Utc);
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        FromState = fromState;
        ToState = toState;
        Revision = revision;
        Reason = reason;
        Details = details;
    }

    public string ComputeHash()
    {
        var canonical = string.Join('\u001f', Sequence, AtUtc.ToString("O"), ActorId, ActorName, Action, EntityType,
            EntityId, FromState, ToState, Revision, Reason, Details, PrevHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
