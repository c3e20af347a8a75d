using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace XiheWorkflow.Core.Data;

/// <summary>Provider errors the use cases handle, recognised the same way on SQLite and PostgreSQL.</summary>
public static class DbErrors
{
    /// <summary>A unique index (or another constraint) refused the row: someone else wrote it first.</summary>
    public static bool IsConstraintViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException { SqliteErrorCode: 19 } => true,
        // 23xxx: integrity constraint violations (23505 unique, 23503 foreign key …).
        Npgsql.PostgresException p => p.SqlState.StartsWith("23", StringComparison.Ordinal),
        _ => false,
    };
}
