using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Domain.Tests.ServiceLevels;

public class PriorityMatrixTests
{
    [Theory]
    [InlineData(Impact.High, Urgency.High, Priority.P1)]
    [InlineData(Impact.High, Urgency.Medium, Priority.P2)]
    [InlineData(Impact.High, Urgency.Low, Priority.P3)]
    [InlineData(Impact.Medium, Urgency.High, Priority.P2)]
    [InlineData(Impact.Medium, Urgency.Medium, Priority.P3)]
    [InlineData(Impact.Medium, Urgency.Low, Priority.P4)]
    [InlineData(Impact.Low, Urgency.High, Priority.P3)]
    [InlineData(Impact.Low, Urgency.Medium, Priority.P4)]
    [InlineData(Impact.Low, Urgency.Low, Priority.P4)]
    public void Priority_follows_the_impact_and_urgency_matrix(Impact impact, Urgency urgency, Priority expected) =>
        Assert.Equal(expected, PriorityMatrix.Derive(impact, urgency));

    [Fact]
    public void An_undefined_impact_or_urgency_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PriorityMatrix.Derive((Impact)0, Urgency.High));
        Assert.Throws<ArgumentOutOfRangeException>(() => PriorityMatrix.Derive(Impact.High, (Urgency)9));
    }
}
