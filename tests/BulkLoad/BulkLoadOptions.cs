using System.Globalization;

namespace ServiceDesk.BulkLoad;

/// <summary>What to load: how many tickets and ratings, over which period, from which random seed.</summary>
/// <param name="ConnectionString">A PostgreSQL database (created if missing; migrated by the app's own initializer).</param>
/// <param name="Until">The load's "now": every ticket is opened, worked and checked by the SLA monitor before it.</param>
/// <param name="Days">How far back the first ticket is opened.</param>
/// <param name="ChunkSize">Tickets simulated and copied per round (two COPY statements: tickets, then their history).</param>
public sealed record BulkLoadOptions(
    string ConnectionString,
    int Tickets,
    int Ratings,
    int Customers,
    int Seed,
    DateTimeOffset Until,
    int Days,
    int ChunkSize)
{
    public const string ConnectionVariable = "SERVICEDESK_BULK_POSTGRES";

    public const string Usage = """
        ServiceDesk bulk loader (PostgreSQL, binary COPY)
          --connection <cs>   PostgreSQL connection string (or env SERVICEDESK_BULK_POSTGRES); the database is created and migrated if needed
          --tickets <n>       tickets to load (default 1000000)
          --ratings <n>       satisfaction ratings among them (default 100000)
          --customers <n>     customers, each with agreements (default 200)
          --seed <n>          random seed (default 20261202); the same seed and --until give the same data
          --until <instant>   the load's 'now', ISO-8601 UTC (default: today 00:00 UTC)
          --days <n>          period the tickets are opened over, ending at --until (default 730)
          --chunk <n>         tickets per COPY round (default 20000)
        """;

    public static BulkLoadOptions Parse(IReadOnlyList<string> args, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"Unexpected argument '{args[i]}'.", nameof(args));
            values[args[i][2..]] = args[++i];
        }

        var connection = values.GetValueOrDefault("connection") ?? Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connection))
            throw new ArgumentException($"Give --connection or set {ConnectionVariable}.", nameof(args));
        var until = values.TryGetValue("until", out var u)
            ? DateTimeOffset.Parse(u, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime()
            : new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var options = new BulkLoadOptions(
            connection,
            Int(values, "tickets", 1_000_000),
            Int(values, "ratings", 100_000),
            Int(values, "customers", 200),
            Int(values, "seed", 20261202),
            until,
            Int(values, "days", 730),
            Int(values, "chunk", 20_000));
        if (options.Tickets < 1 || options.Ratings < 0 || options.Ratings > options.Tickets || options.Customers < 1 || options.Days < 1 || options.ChunkSize < 1)
            throw new ArgumentException("Counts must be positive, and --ratings at most --tickets.", nameof(args));
        return options;
    }

    private static int Int(Dictionary<string, string> values, string name, int fallback) =>
        values.TryGetValue(name, out var text)
            ? int.Parse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture)
            : fallback;
}
