using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceDesk.Infrastructure.Persistence.Seed;

/// <summary>The reference data shipped inside this assembly (copied from the specification; never read from disk at run time).</summary>
internal static class ReferenceData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static CatalogFile Catalog() => Read<CatalogFile>("catalog.json");

    public static ServiceLevelsFile ServiceLevels() => Read<ServiceLevelsFile>("service-levels.json");

    private static T Read<T>(string fileName)
    {
        var assembly = typeof(ReferenceData).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"Seed file {fileName} is empty.");
    }

    internal sealed record CatalogFile(string Currency, List<LineSeed> ProductLines);

    internal sealed record LineSeed(string Code, string Name, string NameZh, string? Description, List<SeriesSeed> Series);

    internal sealed record SeriesSeed(string Code, string Name, string NameZh, string? Scope, List<ProductSeed> Products);

    internal sealed record ProductSeed(string Code, string Name, string NameZh, string? Description, string Kind, List<string> DeliveryModes, decimal MonthlyBasePrice);

    internal sealed record ServiceLevelsFile(List<CalendarSeed> Calendars, List<LevelSeed> ServiceLevels);

    internal sealed record CalendarSeed(
        string Code,
        string Name,
        string TimeZone,
        string? WorkingHours,
        Dictionary<string, List<List<string>>>? Weekly,
        List<DateOnly> Holidays,
        List<DateOnly> ExtraWorkingDays);

    internal sealed record LevelSeed(
        string Code,
        string Name,
        string? NameZh,
        int Rank,
        string Calendar,
        string? ResponseCalendar,
        decimal PriceMultiplier,
        decimal AvailabilityTargetPercent,
        int? OnSiteArrivalMinutes,
        Dictionary<string, TargetSeed> Targets);

    internal sealed record TargetSeed(int ResponseMinutes, int ResolutionMinutes);
}
