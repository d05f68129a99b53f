namespace ServiceDesk.Domain.ServiceLevels;

/// <summary>Ticket priority, P1 the most urgent. Derived from impact and urgency by <see cref="PriorityMatrix"/>.</summary>
public enum Priority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}
