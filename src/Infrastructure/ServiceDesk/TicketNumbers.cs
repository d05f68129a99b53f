using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Infrastructure.ServiceDesk;

/// <summary>
/// Ticket, change and problem numbers from one counter row per prefix (INC, REQ, CHG, PRB). Each instance reserves a block of numbers with one atomic
/// statement (<c>UPDATE ... SET LastValue = LastValue + block RETURNING LastValue</c>) and hands them out from
/// memory, so intake does not pay a round trip per number and concurrent intakes do not queue on the counter row.
/// </summary>
/// <remarks>
/// A number is never handed out twice: each block is the database's to give, once. Numbers left in a block when an
/// instance stops, and numbers of tickets that failed to save, are skipped (gaps), never reused. With several
/// instances, numbers are unique but not in strict order of intake across instances.
/// <c>ServiceDesk:NumberBlockSize</c> (default 20) sets the block; 1 gives gap-free, strictly ordered numbers at
/// one round trip per ticket.
/// </remarks>
internal sealed class TicketNumbers(IServiceScopeFactory scopes, IConfiguration configuration) : ITicketNumbers
{
    private readonly ConcurrentDictionary<string, Block> _blocks = new(StringComparer.Ordinal);
    private readonly int _blockSize = Math.Clamp(configuration.GetValue("ServiceDesk:NumberBlockSize", 20), 1, 1000);

    public Task<string> NextAsync(TicketKind kind, CancellationToken cancellationToken) => NextAsync(PrefixOf(kind), cancellationToken);

    public async Task<string> NextAsync(string prefix, CancellationToken cancellationToken)
    {
        var block = _blocks.GetOrAdd(prefix, _ => new Block());
        await block.Gate.WaitAsync(cancellationToken);
        try
        {
            if (block.Next > block.Last)
            {
                block.Last = await ReserveAsync(prefix, _blockSize, cancellationToken);
                block.Next = block.Last - _blockSize + 1;
            }

            return Format(prefix, block.Next++);
        }
        finally
        {
            block.Gate.Release();
        }
    }

    private async Task<long> ReserveAsync(string prefix, int size, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        // One plain command on the context's connection (as an EF Core query it cost a translation-cache lookup and a
        // materialiser for one number), inside the execution strategy, which retries a failed connect.
        var value = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: db, Prefix: prefix, Size: size), static (_, state, ct) => UpdateCounterAsync(state.Db, state.Prefix, state.Size, ct), null, cancellationToken);
        return value ?? throw new InvalidOperationException($"The number sequence '{prefix}' is missing; the database is not migrated.");
    }

    /// <summary>Adds <paramref name="size"/> to the prefix's counter; its new value, or null when the prefix has no counter row.</summary>
    private static async Task<long?> UpdateCounterAsync(ServiceDeskDbContext db, string prefix, int size, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer"
                ? "UPDATE [NumberSequences] SET [LastValue] = [LastValue] + @size OUTPUT inserted.[LastValue] WHERE [Prefix] = @prefix"
                : "UPDATE \"NumberSequences\" SET \"LastValue\" = \"LastValue\" + @size WHERE \"Prefix\" = @prefix RETURNING \"LastValue\"";
            Add(command, "@size", (long)size);
            Add(command, "@prefix", prefix);
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public static string PrefixOf(TicketKind kind) => kind switch
    {
        TicketKind.Incident => "INC",
        TicketKind.ServiceRequest => "REQ",
        _ => Change.NumberPrefix,
    };

    /// <summary>INC000042: six digits at least, more once a kind passes 999,999.</summary>
    public static string Format(string prefix, long value) => prefix + value.ToString("D6", CultureInfo.InvariantCulture);

    private sealed class Block
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long Next { get; set; } = 1;

        public long Last { get; set; }
    }
}
