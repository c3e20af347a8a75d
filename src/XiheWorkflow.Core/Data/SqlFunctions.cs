using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using XiheWorkflow.Domain.Notices;

namespace XiheWorkflow.Core.Data;

/// <summary>
/// SQL functions for queries that EF cannot translate, or translates only expensively. They run
/// only inside LINQ to Entities queries; called directly they throw.
/// </summary>
public static class SqlFunctions
{
    /// <summary>
    /// The China (UTC+8) calendar date of a UTC instant as <c>yyyy-MM-dd</c>, in SQL
    /// <c>date(instant, '+8 hours')</c> — where <c>DateOnly.FromDateTime(x.AddHours(8))</c> becomes a
    /// strftime and two rtrims inside a date, and reading the instant back means parsing it in .NET.
    /// </summary>
    public static string? ChinaDate(DateTime? utc) => throw new InvalidOperationException("SqlFunctions.ChinaDate runs only inside a database query.");

    /// <summary>
    /// Whether a channel list column (stored as <c>A;B;C</c>, see <c>EnumListConversion</c>) names
    /// <paramref name="channel"/> (its code name): the list's <c>Contains</c>, which EF cannot
    /// translate through the value converter.
    /// </summary>
    public static bool HasChannel(List<Channel> channels, string channel) => throw new InvalidOperationException("SqlFunctions.HasChannel runs only inside a database query.");

    internal static void Register(ModelBuilder builder, bool postgres)
    {
        var text = new StringTypeMapping(postgres ? "text" : "TEXT", System.Data.DbType.String);
        var integer = new IntTypeMapping(postgres ? "integer" : "INTEGER");
        var boolean = new BoolTypeMapping(postgres ? "boolean" : "INTEGER");

        // SQLite: date(utc, '+8 hours'); PostgreSQL: to_char(timezone('Asia/Shanghai', utc), 'YYYY-MM-DD').
        builder.HasDbFunction(typeof(SqlFunctions).GetMethod(nameof(ChinaDate))!)
            .HasTranslation(args => postgres
                ? new SqlFunctionExpression("to_char",
                    // timezone(zone, instant) is AT TIME ZONE: the Shanghai wall-clock time of a timestamptz.
                    [new SqlFunctionExpression("timezone", [new SqlConstantExpression("Asia/Shanghai", text), args[0]], nullable: true,
                        argumentsPropagateNullability: [false, true], typeof(DateTime), text),
                     new SqlConstantExpression("YYYY-MM-DD", text)],
                    nullable: true, argumentsPropagateNullability: [true, false], typeof(string), text)
                : new SqlFunctionExpression("date", [args[0], new SqlConstantExpression("+8 hours", text)],
                    nullable: true, argumentsPropagateNullability: [true, false], typeof(string), text));

        // instr(';' || channels || ';', ';' || channel || ';') > 0 (strpos on PostgreSQL)
        SqlExpression Delimited(SqlExpression e)
        {
            var semicolon = new SqlConstantExpression(";", text);
            return new SqlBinaryExpression(ExpressionType.Add,
                new SqlBinaryExpression(ExpressionType.Add, semicolon, e, typeof(string), text), semicolon, typeof(string), text);
        }
        var hasChannel = builder.HasDbFunction(typeof(SqlFunctions).GetMethod(nameof(HasChannel))!);
        hasChannel.HasParameter("channels").HasStoreType(postgres ? "text" : "TEXT");
        hasChannel.HasTranslation(args => new SqlBinaryExpression(ExpressionType.GreaterThan,
            new SqlFunctionExpression(postgres ? "strpos" : "instr", [Delimited(args[0]), Delimited(args[1])], nullable: true,
                argumentsPropagateNullability: [true, true], typeof(int), integer),
            new SqlConstantExpression(0, integer), typeof(bool), boolean));
    }
}
