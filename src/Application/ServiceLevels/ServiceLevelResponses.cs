using System.Text.Json.Serialization;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceLevels;

/// <summary>A business calendar: the working time SLA targets are measured in.</summary>
/// <param name="Code" example="5X8-CN">Stable code of the calendar.</param>
/// <param name="Name" example="Working days 09:00-12:00 and 13:00-18:00 China Standard Time">Display name.</param>
/// <param name="TimeZone" example="Asia/Shanghai">IANA time-zone id the hours are local to.</param>
/// <param name="Weekly">Working intervals per weekday, "Mon" to "Sun" (an empty list: a day off; "24:00" is the end of the day).</param>
/// <param name="Holidays">Dates that are off whatever their weekday (yyyy-MM-dd).</param>
/// <param name="ExtraWorkingDays">Dates normally off that are worked (yyyy-MM-dd).</param>
/// <param name="ExtraWorkingDayHours">The extra working days that have hours of their own, by date; the others work an ordinary Monday's hours.</param>
/// <param name="WeeklyWorkingMinutes" example="2400">Working minutes of an ordinary week.</param>
public sealed record CalendarResponse(
    string Code,
    string Name,
    string TimeZone,
    IReadOnlyDictionary<string, IReadOnlyList<WorkingHoursResponse>> Weekly,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<DateOnly> ExtraWorkingDays,
    IReadOnlyDictionary<string, IReadOnlyList<WorkingHoursResponse>> ExtraWorkingDayHours,
    long WeeklyWorkingMinutes) : IHasETag
{
    [JsonIgnore]
    public int Version { get; init; }

    [JsonIgnore]
    public string ETag => ETags.FromVersion(Version);
}

/// <summary>One working interval of a day, local time.</summary>
/// <param name="Start" example="09:00">Start, HH:mm.</param>
/// <param name="End" example="12:00">End, HH:mm ("24:00": midnight at the end of the day).</param>
public sealed record WorkingHoursResponse(string Start, string End);

/// <summary>When a number of business minutes from a start falls due on a calendar.</summary>
/// <param name="CalendarCode" example="5X8-CN">The calendar used.</param>
/// <param name="Start" example="2026-03-06T09:00:00Z">The start, in UTC.</param>
/// <param name="Minutes" example="2400">Business minutes added.</param>
/// <param name="Due" example="2026-03-13T09:00:00Z">The instant they run out, in UTC (counting starts at the next working minute when the start is outside working time).</param>
public sealed record DueTimeResponse(string CalendarCode, DateTimeOffset Start, long Minutes, DateTimeOffset Due);

/// <summary>A service level: per-priority targets in business minutes on a calendar, availability, on-site arrival and price.</summary>
/// <param name="Code" example="GOLD">Stable code of the level.</param>
/// <param name="Name" example="Gold">English name.</param>
/// <param name="NameZh" example="金牌">Chinese name.</param>
/// <param name="Rank" example="2">1 is the best level; decides among several matching agreements.</param>
/// <param name="CalendarCode" example="7X12-CN">Calendar the targets (resolution always, response unless responseCalendarCode is set) are measured on.</param>
/// <param name="ResponseCalendarCode" example="24X7">Calendar first response is measured on, when it differs.</param>
/// <param name="PriceMultiplier" example="1.5">Multiplies a product's monthly base price.</param>
/// <param name="AvailabilityTargetPercent" example="99.9">Availability target, percent.</param>
/// <param name="OnSiteArrivalMinutes" example="240">Time to arrive on site, when on-site support is included.</param>
/// <param name="Targets">Response and resolution targets by priority, "P1" to "P4".</param>
/// <param name="Status" example="Active">Active or Retired (a retired level cannot be put in a new agreement).</param>
public sealed record ServiceLevelResponse(
    string Code,
    string Name,
    string? NameZh,
    int Rank,
    string CalendarCode,
    string? ResponseCalendarCode,
    decimal PriceMultiplier,
    decimal AvailabilityTargetPercent,
    int? OnSiteArrivalMinutes,
    IReadOnlyDictionary<string, TargetResponse> Targets,
    ServiceLevelStatus Status) : IHasETag
{
    [JsonIgnore]
    public int Version { get; init; }

    [JsonIgnore]
    public string ETag => ETags.FromVersion(Version);
}

/// <summary>The targets of one priority, in business minutes.</summary>
/// <param name="ResponseMinutes" example="30">First-response target.</param>
/// <param name="ResolutionMinutes" example="360">Resolution target.</param>
public sealed record TargetResponse(int ResponseMinutes, int ResolutionMinutes);
