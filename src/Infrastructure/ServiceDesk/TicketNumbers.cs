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
/// The next block is reserved in the background once half of the current one is handed out, so no intake waits for
/// that write's commit (when every intake waited for it, eight concurrent intakes stalled once per block).
/// </summary>
/// <remarks>
/// A number is never handed out twice: each block is the database's to give, once. Numbers left in the current and
/// the reserved block when an instance stops, and numbers of tickets that failed to save, are skipped (gaps), never
/// reused. With several instances, numbers are unique but not in strict order of intake across instances.
/// <c>ServiceDesk:NumberBlockSize</c> (default 20) sets the block; 1 gives gap-free, strictly ordered numbers at
/// one round trip per ticket (nothing is reserved ahead).
/// </remarks>
internal sealed class TicketNumbers(IServiceScopeFactory scopes, IConfiguration configuration) : ITicketNumbers
{
    private readonly ConcurrentDictionary<string, Block> _blocks = new(StringComparer.Ordinal);
    private readonly int _blockSize = Math.Clamp(configuration.GetValue("ServiceDesk:NumberBlockSize", 20), 1, 1000);

    public Task<string> NextAsync(TicketKind kind, CancellationToken cancellationToken) => NextAsync(PrefixOf(kind), cancellationToken);

    public async Task<string> NextAsync(string prefix, CancellationToken cancellationToken)
    {
        var block = _blocks.GetOrAdd(prefix, _ => new Block());
        while (true)
        {
            Task<long> reserving;
            lock (block)
            {
                if (block.Next <= block.Last)
                {
                    var value = block.Next++;
                    // Half of the block is left: reserve the next one now (a block of 1 reserves nothing ahead: 1 / 2 == 0).
                    if (block.Ahead is null && block.Last - value < _blockSize / 2)
                        block.Ahead = ReserveAhead(prefix);
                    return Format(prefix, value);
                }

                // Used up: wait for the block reserved ahead; one that failed (a database outage back then) is tried again now.
                if (block.Ahead is { IsFaulted: true })
                    block.Ahead = null;
                reserving = block.Ahead ??= ReserveAhead(prefix);
            }

            var last = await reserving.WaitAsync(cancellationToken);
            lock (block)
            {
                // The first caller back takes the new block in; the others find it taken in and draw from it.
                if (block.Ahead == reserving)
                {
                    block.Ahead = null;
                    block.Next = last - _blockSize + 1;
                    block.Last = last;
                }
            }
        }
    }

    /// <summary>
    /// Starts reserving the prefix's next block on the thread pool: every caller of the prefix shares it, so it is tied to
    /// no request (no cancellation, no request context). Its failure is observed here and reported to whoever waits for it.
    /// </summary>
    private Task<long> ReserveAhead(string prefix)
    {
        Task<long> reserving;
        using (ExecutionContext.SuppressFlow())
            reserving = Task.Run(() => ReserveAsync(prefix));
        reserving.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return reserving;
    }

    /// <summary>The last number of the prefix's next block (of <c>_blockSize</c>), reserved for this instance.</summary>
    private async Task<long> ReserveAsync(string prefix)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        // One plain command on the context's connection (as an EF Core query it cost a translation-cache lookup and a
        // materialiser for one number), inside the execution strategy, which retries a failed connect.
        var value = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: db, Prefix: prefix, Size: _blockSize), static (_, state, ct) => UpdateCounterAsync(state.Db, state.Prefix, state.Size, ct), null, CancellationToken.None);
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

    /// <summary>A prefix's numbers in hand (Next..Last) and the reservation of the block after them; guarded by its own lock.</summary>
    private sealed class Block
    {
        public long Next { get; set; } = 1;

        public long Last { get; set; }

        public Task<long>? Ahead { get; set; }
    }
}
