using System.Globalization;

namespace ServiceDesk.BulkLoad;

/// <summary>
/// Bulk-loads tickets, their SLA clocks, history and satisfaction ratings into a PostgreSQL database with binary COPY:
/// <c>dotnet run -c Release --project tests/BulkLoad -- --connection "Host=...;Database=sd_scale;Username=..." --tickets 1000000 --ratings 100000</c>.
/// </summary>
internal static class BulkLoadProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Length == 0)
        {
            Console.WriteLine(BulkLoadOptions.Usage);
            return 0;
        }

        BulkLoadOptions options;
        try
        {
            options = BulkLoadOptions.Parse(args, DateTimeOffset.UtcNow);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(BulkLoadOptions.Usage);
            return 2;
        }

        var report = await BulkLoader.RunAsync(options, Console.Out, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {report.Tickets:N0} tickets, {report.HistoryLines:N0} history lines, {report.Ratings:N0} ratings, {report.Customers} customers in {report.Elapsed.TotalSeconds:F1} s."));
        return 0;
    }
}
