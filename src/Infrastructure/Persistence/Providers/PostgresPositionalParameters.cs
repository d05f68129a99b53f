using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
// The generator EF Core's PostgreSQL provider uses, and the options it is built from, live in its Internal namespaces
// (usable, not covered by its compatibility promise): an upgrade that changes them fails this file's build, not a query.
#pragma warning disable EF1001
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;

namespace ServiceDesk.Infrastructure.Persistence.Providers;

/// <summary>
/// Writes LINQ queries' SQL with PostgreSQL's own placeholders (<c>$1</c>, <c>$2</c>) and unnamed parameters instead of
/// EF Core's named ones (<c>@number</c>). Npgsql sends such a command as written; a named one it parses on every
/// execution to rewrite it, and allocates the rewritten SQL each time: a ticket's read is a 2.5 KB statement, an
/// eighth of what the read allocated (npgsql/efcore.pg#1923 is the provider's own open issue for this).
/// </summary>
/// <remarks>
/// SQL of the caller's with arguments (<c>FromSql</c>, <c>SqlQuery</c>) carries parameters of its own, named; such a
/// command is recognised in its tree and written with EF Core's named placeholders, since Npgsql refuses a command
/// that mixes the two. SQL without arguments (an entity's <c>ToSqlQuery</c>) is written positionally like LINQ.
/// Commands of <c>SaveChanges</c> and intake's insert (<see cref="InsertCommands"/>) are not written here.
/// </remarks>
internal sealed class PositionalParameterQuerySqlGenerator(
    QuerySqlGeneratorDependencies dependencies,
    IRelationalTypeMappingSource typeMappingSource,
    bool reverseNullOrderingEnabled,
    Version postgresVersion)
    : NpgsqlQuerySqlGenerator(dependencies, typeMappingSource, reverseNullOrderingEnabled, postgresVersion)
{
    /// <summary>Each parameter's number ($n), by its name in the query.</summary>
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private bool _named;

    public override IRelationalCommand GetCommand(Expression queryExpression)
    {
        // Recognised before writing rather than written twice: EF Core writes such commands on every execution, as it
        // cannot cache SQL whose arguments it expands.
        _named = FromSqlFinder.ContainsArguments(queryExpression);
        _positions.Clear();
        var command = base.GetCommand(queryExpression);
        if (_named || command.Parameters.Count == _positions.Count)
            return command;

        // Parameters the tree did not show (none known today): written again, named.
        _named = true;
        return base.GetCommand(queryExpression);
    }

    protected override Expression VisitSqlParameter(SqlParameterExpression sqlParameterExpression)
    {
        if (_named)
            return base.VisitSqlParameter(sqlParameterExpression);

        if (!_positions.TryGetValue(sqlParameterExpression.Name, out var position))
        {
            // Unnamed: Npgsql binds it by its place in the command's parameters, which is the order they are added in.
            Sql.AddParameter(sqlParameterExpression.InvariantName, string.Empty, sqlParameterExpression.TypeMapping!, sqlParameterExpression.IsNullable);
            position = Sql.Parameters.Count;
            _positions.Add(sqlParameterExpression.Name, position);
        }

        Sql.Append("$").Append(position.ToString(CultureInfo.InvariantCulture));
        return sqlParameterExpression;
    }
}

/// <summary>Finds SQL of the caller's with arguments (<c>FromSql</c>, <c>SqlQuery</c>) anywhere in a query's tree.</summary>
internal sealed class FromSqlFinder : ExpressionVisitor
{
    private bool _found;

    public static bool ContainsArguments(Expression queryExpression)
    {
        var finder = new FromSqlFinder();
        finder.Visit(queryExpression);
        return finder._found;
    }

    public override Expression? Visit(Expression? node)
    {
        if (_found || node is null)
            return node;
        if (node is FromSqlExpression fromSql)
        {
            // An entity's ToSqlQuery has no arguments (an empty constant array) and its SQL is cached like LINQ's.
            _found = fromSql.Arguments is not ConstantExpression { Value: object?[] { Length: 0 } };
            return node;
        }

        return base.Visit(node);
    }
}

/// <summary>Makes <see cref="PositionalParameterQuerySqlGenerator"/>s, with the options EF Core's own factory uses.</summary>
internal sealed class PositionalParameterQuerySqlGeneratorFactory(
    QuerySqlGeneratorDependencies dependencies,
    IRelationalTypeMappingSource typeMappingSource,
    INpgsqlSingletonOptions npgsqlOptions) : IQuerySqlGeneratorFactory
{
    public QuerySqlGenerator Create() => new PositionalParameterQuerySqlGenerator(
        dependencies, typeMappingSource, npgsqlOptions.ReverseNullOrderingEnabled, npgsqlOptions.PostgresVersion);
}
