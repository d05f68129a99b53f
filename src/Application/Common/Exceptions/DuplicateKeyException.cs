namespace ServiceDesk.Application.Common.Exceptions;

/// <summary>
/// The database refused a row because its primary key or a unique index is already taken, typically two concurrent
/// creates of the same code (409). Raised by Infrastructure from the provider's error code, never from message text.
/// </summary>
/// <param name="table">The table the row was for, when the provider or the failed rows tell it.</param>
/// <param name="constraint">The violated key or index, when the provider tells it (PostgreSQL does).</param>
/// <param name="innerException">The database's own exception.</param>
public sealed class DuplicateKeyException(string? table, string? constraint, Exception? innerException)
    : Exception(table is null ? "A row with the same key already exists." : $"A row with the same key already exists in {table}.", innerException)
{
    public string? Table { get; } = table;

    public string? Constraint { get; } = constraint;
}
