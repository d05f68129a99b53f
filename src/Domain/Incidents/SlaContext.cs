using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Domain.Incidents;

/// <summary>What a ticket's clocks are measured against: its level's targets and the level's calendars.</summary>
public sealed record SlaContext(ServiceLevel Level, WorkingSchedule ResponseSchedule, WorkingSchedule ResolutionSchedule)
{
    public WorkingSchedule ScheduleFor(SlaClockKind kind) =>
        kind == SlaClockKind.Response ? ResponseSchedule : ResolutionSchedule;
}

/// <summary>Who did something: the name shown in history and comments, and whether it was a customer user.</summary>
public sealed record Actor(string Name, bool IsCustomer)
{
    public static readonly Actor System = new("system", false);
}
