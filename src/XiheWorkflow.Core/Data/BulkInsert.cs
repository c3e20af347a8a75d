using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace XiheWorkflow.Core.Data;

/// <summary>
/// Inserts many new rows with one prepared command inside the context's current transaction,
/// reading table, columns and value conversions from the EF model, so the rows are exactly what
/// SaveChanges would have written. Change tracking of tens of thousands of entities costs about
/// five times the insert itself; an import needs neither tracking nor generated keys back.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(XiheDbContext db, IReadOnlyCollection<T> entities, CancellationToken ct) where T : class
    {
        if (entities.Count == 0) return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the import's transaction.");
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // The store generates identity keys; every other mapped property is written.
        var properties = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .ToList();

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO \"{table.Name}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
        var parameters = properties.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
            return parameter;
        }).ToList();
        var getters = properties.Select(p => (Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter)).ToList();
        // Npgsql prepares from the parameters' types, which are only known once values are set; it infers them per row.
        if (db.Database.IsSqlite()) await command.PrepareAsync(ct);

        foreach (var entity in entities)
        {
            for (var i = 0; i < getters.Count; i++)
            {
                var value = getters[i].Getter.GetClrValue(entity);
                if (value is not null && getters[i].Converter is { } converter) value = converter.ConvertToProvider(value);
                parameters[i].Value = value ?? DBNull.Value;
            }
            // Microsoft.Data.Sqlite runs every command synchronously; the async wrapper only adds allocations.
            command.ExecuteNonQuery();
        }
    }
}
