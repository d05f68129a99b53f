namespace ServiceDesk.Domain.ServiceLevels;

/// <summary>How soon the customer needs the ticket dealt with.</summary>
public enum Urgency
{
    High = 1,
    Medium = 2,
    Low = 3,
}
