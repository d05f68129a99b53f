using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Domain.Incidents;

/// <summary>What a ticket's clocks are measured against: its level's targets and the level's calendars.</summary>
public sealed record SlaContext(ServiceLevel Level, WorkingSchedule ResponseSchedule, WorkingSchedule ResolutionSchedule)
{
    public WorkingSchedule ScheduleFor(SlaClockKind kind) =>
        kind == SlaClockKind.Response ? ResponseSchedule : ResolutionSchedule;
}
