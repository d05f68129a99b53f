namespace ServiceDesk.Domain.ServiceLevels;

/// <summary>How much of the customer's business a ticket affects.</summary>
public enum Impact
{
    High = 1,
    Medium = 2,
    Low = 3,
}
