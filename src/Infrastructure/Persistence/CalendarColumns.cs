using System.Text.Json;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Infrastructure.Persistence;

/// <summary>
/// The JSON a calendar's working hours are stored as, readable in the database as it is in the API:
/// weekly <c>{"Mon":["09:00-12:00","13:00-18:00"],...,"Sun":[]}</c>, extra working days
/// <c>[{"date":"2026-10-10","hours":[]}]</c> (no hours: an ordinary Monday's).
/// </summary>
internal static class CalendarColumns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string WriteWeekly(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> weekly) =>
        JsonSerializer.Serialize(
            Weekdays.MondayFirst.ToDictionary(Weekdays.Name, day => Texts(weekly.TryGetValue(day, out var hours) ? hours : [])),
            Json);

    public static IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> ReadWeekly(string json)
    {
        var stored = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json, Json) ?? [];
        return Weekdays.MondayFirst.ToDictionary(
            day => day,
            day => Intervals(stored.GetValueOrDefault(Weekdays.Name(day)) ?? []));
    }

    public static string WriteExtraWorkingDays(IReadOnlyList<ExtraWorkingDay> days) =>
        JsonSerializer.Serialize(days.Select(d => new StoredDay(d.Date, Texts(d.Hours))).ToList(), Json);

    public static IReadOnlyList<ExtraWorkingDay> ReadExtraWorkingDays(string json) =>
        (JsonSerializer.Deserialize<List<StoredDay>>(json, Json) ?? [])
            .Select(d => new ExtraWorkingDay(d.Date, Intervals(d.Hours ?? [])))
            .ToList();

    private static List<string> Texts(IReadOnlyList<WorkingInterval> intervals) =>
        intervals.Select(i => i.ToString()).ToList();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The calendar's dictionaries hold IReadOnlyList values.")]
    private static IReadOnlyList<WorkingInterval> Intervals(List<string> texts) =>
        texts.Select(text => text.Split('-') is [var start, var end]
                ? WorkingInterval.Parse(start, end)
                : throw new FormatException($"'{text}' is not a stored working interval (HH:mm-HH:mm)."))
            .ToList();

    private sealed record StoredDay(DateOnly Date, List<string>? Hours);
}
