namespace ServiceDesk.Application.Common.Interfaces;

/// <summary>How many outbox events wait for delivery; read by the <c>servicedesk.outbox.backlog</c> gauge.</summary>
public interface IOutboxBacklog
{
    /// <summary>
    /// The last known count of undelivered events, refreshed at most every few seconds (never a query per call); null
    /// while it has never been read successfully.
    /// </summary>
    long? Current();
}
