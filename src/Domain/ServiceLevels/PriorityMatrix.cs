namespace ServiceDesk.Domain.ServiceLevels;

/// <summary>The impact x urgency matrix of <c>service-levels.json</c>.</summary>
public static class PriorityMatrix
{
    public static Priority Derive(Impact impact, Urgency urgency) => (impact, urgency) switch
    {
        (Impact.High, Urgency.High) => Priority.P1,
        (Impact.High, Urgency.Medium) => Priority.P2,
        (Impact.High, Urgency.Low) => Priority.P3,
        (Impact.Medium, Urgency.High) => Priority.P2,
        (Impact.Medium, Urgency.Medium) => Priority.P3,
        (Impact.Medium, Urgency.Low) => Priority.P4,
        (Impact.Low, Urgency.High) => Priority.P3,
        (Impact.Low, Urgency.Medium) => Priority.P4,
        (Impact.Low, Urgency.Low) => Priority.P4,
        _ when !Enum.IsDefined(impact) => throw new ArgumentOutOfRangeException(nameof(impact), impact, "Unknown impact."),
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Unknown urgency."),
    };
}
