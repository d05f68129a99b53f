using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.ServiceDesk;

/// <summary>The SLA context (level, calendars) of a service level by code, cached: every ticket action needs one.</summary>
public interface ISlaContexts
{
    ValueTask<SlaContext> GetAsync(string serviceLevelCode, CancellationToken cancellationToken);
}
