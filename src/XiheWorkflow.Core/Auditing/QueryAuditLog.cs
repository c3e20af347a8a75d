using Microsoft.EntityFrameworkCore;
using XiheWorkflow.Core.Data;
using XiheWorkflow.Domain.Common;

namespace XiheWorkflow.Core.Auditing;

/// <summary>The audit log for 系统管理: newest first, filtered and paged in the database (it grows for years).</summary>
public class QueryAuditLog(IDbContextFactory<XiheDbContext> contexts)
{
    public const int MaxPageSize = 200;

    /// <summary>Dates are Shanghai calendar days, both ends included; <see cref="Page"/> is 0-based.</summary>
    public record Filter(string? Action = null, string? EntityType = null, string? ActorName = null,
        DateOnly? From = null, DateOnly? To = null, int Page = 0, int PageSize = 25);

    public record Row(long Id, long Sequence, DateTime AtUtc, string ActorName, string Action, string EntityType, string? EntityId,
        string? FromState, string? ToState, int? Revision, string? Reason, string? Details);

    public record Result(IReadOnlyList<Row> Rows, int Total);

    public record Choices(IReadOnlyList<string> Actions, IReadOnlyList<string> EntityTypes);

    public async Task<Result> HandleAsync(Filter filter, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action)) query = query.Where(a => a.Action == filter.Action);
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) query = query.Where(a => a.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.ActorName))
        {
            var name = filter.ActorName.Trim();
            query = query.Where(a => a.ActorName.Contains(name));
        }
        if (filter.From is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            query = query.Where(a => a.AtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = ChinaTime.EndOfDayUtc(to);
            query = query.Where(a => a.AtUtc < end);
        }

        var total = await query.CountAsync(ct);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var rows = await query.OrderByDescending(a => a.Sequence)
            .Skip(Math.Max(filter.Page, 0) * size).Take(size)
            .Select(a => new Row(a.Id, a.Sequence, a.AtUtc, a.ActorName, a.Action, a.EntityType, a.EntityId, a.FromState, a.ToState,
                a.Revision, a.Reason, a.Details))
            .ToListAsync(ct);
        return new Result(rows, total);
    }

    /// <summary>The actions and entity kinds that occur in the log, for the filter lists.</summary>
    public async Task<Choices> ChoicesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var actions = await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        var types = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(a => a).ToListAsync(ct);
        return new Choices(actions, types);
    }
}
