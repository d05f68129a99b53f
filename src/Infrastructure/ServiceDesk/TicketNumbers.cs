using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.ServiceDesk;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.ServiceDesk;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Infrastructure.ServiceDesk;

/// <summary>
/// Ticket, change and problem numbers from one counter row per prefix, incremented and read in a single atomic
/// statement (the row lock serialises concurrent intakes). The increment commits on its own, so a number is never
/// handed out twice, even when the record that took it fails to save (that leaves a gap, never a reuse).
/// </summary>
internal sealed class TicketNumbers(ServiceDeskDbContext db) : ITicketNumbers
{
    public Task<string> NextAsync(TicketKind kind, CancellationToken cancellationToken) => NextAsync(PrefixOf(kind), cancellationToken);

    public async Task<string> NextAsync(string prefix, CancellationToken cancellationToken)
    {
        var sql = db.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.SqlServer" =>
                "UPDATE [NumberSequences] SET [LastValue] = [LastValue] + 1 OUTPUT inserted.[LastValue] AS [Value] WHERE [Prefix] = {0}",
            _ => "UPDATE \"NumberSequences\" SET \"LastValue\" = \"LastValue\" + 1 WHERE \"Prefix\" = {0} RETURNING \"LastValue\" AS \"Value\"",
        };
        var values = await db.Database.SqlQueryRaw<long>(sql, prefix).ToListAsync(cancellationToken);
        if (values.Count != 1)
            throw new InvalidOperationException($"The number sequence '{prefix}' is missing; the database is not migrated.");
        return Format(prefix, values[0]);
    }

    public static string PrefixOf(TicketKind kind) => kind switch
    {
        TicketKind.Incident => "INC",
        TicketKind.ServiceRequest => "REQ",
        _ => Change.NumberPrefix,
    };

    /// <summary>INC000042: six digits at least, more once a kind passes 999,999.</summary>
    public static string Format(string prefix, long value) => prefix + value.ToString("D6", CultureInfo.InvariantCulture);
}
