using System.Globalization;
using ServiceDesk.BulkLoad;

// Bulk-loads tickets, their SLA clocks, history and satisfaction ratings into a PostgreSQL database with binary COPY.
//   dotnet run -c Release --project tests/BulkLoad -- --connection "Host=...;Database=sd_scale;Username=..." --tickets 1000000 --ratings 100000
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
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BulkLoadOptions.Usage);
    return 2;
}

var report = await BulkLoader.RunAsync(options, Console.Out, CancellationToken.None);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Loaded {report.Tickets:N0} tickets, {report.HistoryLines:N0} history lines, {report.Ratings:N0} ratings, {report.Customers} customers in {report.Elapsed.TotalSeconds:F1} s."));
return 0;
