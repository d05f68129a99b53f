using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Incidents;
using static ServiceDesk.Domain.Tests.Incidents.Tickets;
using static ServiceDesk.Domain.Tests.ServiceLevels.Calendars;

namespace ServiceDesk.Domain.Tests.Incidents;

/// <summary>Satisfaction ratings (domain.md section 8): once, after resolution, 1..7 per dimension, and the score.</summary>
public class SatisfactionTests
{
    private static readonly DateTimeOffset Later = At("2026-03-09T11:00+08:00");

    private static readonly SatisfactionValues Good = new(Overall: 6, Reliability: 7, Responsiveness: 6, Assurance: 5, Empathy: 4, Tangibles: 3);

    [Theory]
    [InlineData(TicketStatus.Resolved)]
    [InlineData(TicketStatus.Closed)]
    public void A_resolved_or_closed_ticket_is_rated_and_the_rating_recorded_in_history(TicketStatus status)
    {
        var ticket = In(status);
        var historyBefore = ticket.NewHistory.Count;

        var rating = ticket.Rate(Good, "  Quick fix.  ", CustomerUser, Later);

        Assert.Same(rating, ticket.Satisfaction);
        Assert.Equal((6, 7, 6, 5, 4, 3), (rating.Overall, rating.Reliability, rating.Responsiveness, rating.Assurance, rating.Empathy, rating.Tangibles));
        Assert.Equal("Quick fix.", rating.Comment);
        Assert.Equal(Later, rating.RatedAt);
        Assert.Equal(CustomerUser.Name, rating.RatedBy);
        Assert.Equal(status, ticket.Status);
        var line = Assert.Single(ticket.NewHistory.Skip(historyBefore));
        Assert.Equal(("rated", "satisfaction", CustomerUser.Name, "6"), (line.Action, line.Field, line.Actor, line.NewValue));
    }

    [Theory]
    [InlineData(TicketStatus.New)]
    [InlineData(TicketStatus.Assigned)]
    [InlineData(TicketStatus.InProgress)]
    [InlineData(TicketStatus.OnHold)]
    [InlineData(TicketStatus.Cancelled)]
    public void A_ticket_not_resolved_cannot_be_rated(TicketStatus status)
    {
        var ticket = In(status);

        var refused = Assert.Throws<DomainException>(() => ticket.Rate(Good, null, CustomerUser, Later));

        Assert.Equal(("not-resolved", DomainErrorKind.Conflict), (refused.Rule, refused.Kind));
        Assert.Contains(status.ToString(), refused.Message, StringComparison.Ordinal);
        Assert.Null(ticket.Satisfaction);
    }

    [Fact]
    public void A_ticket_is_rated_once()
    {
        var ticket = In(TicketStatus.Resolved);
        ticket.Rate(Good, null, CustomerUser, Later);

        var refused = Assert.Throws<DomainException>(() => ticket.Rate(Good with { Overall = 1 }, null, CustomerUser, Later.AddMinutes(1)));

        Assert.Equal(("already-rated", DomainErrorKind.Conflict), (refused.Rule, refused.Kind));
        Assert.Equal(6, ticket.Satisfaction!.Overall);
    }

    [Fact]
    public void A_rating_survives_closing_the_ticket()
    {
        var ticket = In(TicketStatus.Resolved);
        ticket.Rate(Good, null, CustomerUser, Later);

        ticket.Close(CustomerUser, Later.AddMinutes(1));

        Assert.NotNull(ticket.Satisfaction);
        Assert.Throws<DomainException>(() => ticket.Rate(Good, null, CustomerUser, Later.AddMinutes(2)));
    }

    public static TheoryData<string, SatisfactionValues> OutOfScale => new()
    {
        { "overall", new SatisfactionValues(0, 4, 4, 4, 4, 4) },
        { "reliability", new SatisfactionValues(4, 8, 4, 4, 4, 4) },
        { "responsiveness", new SatisfactionValues(4, 4, 0, 4, 4, 4) },
        { "assurance", new SatisfactionValues(4, 4, 4, -1, 4, 4) },
        { "empathy", new SatisfactionValues(4, 4, 4, 4, 8, 4) },
        { "tangibles", new SatisfactionValues(4, 4, 4, 4, 4, 100) },
    };

    [Theory]
    [MemberData(nameof(OutOfScale))]
    public void Each_value_is_on_the_seven_level_scale_and_a_value_outside_names_its_field(string field, SatisfactionValues values)
    {
        var ticket = In(TicketStatus.Resolved);

        var refused = Assert.Throws<DomainException>(() => ticket.Rate(values, null, CustomerUser, Later));

        Assert.Equal(("validation", DomainErrorKind.Invalid, field), (refused.Rule, refused.Kind, refused.Field));
        Assert.Null(ticket.Satisfaction);
    }

    [Fact]
    public void A_comment_longer_than_the_limit_is_refused()
    {
        var ticket = In(TicketStatus.Resolved);

        var refused = Assert.Throws<DomainException>(() => ticket.Rate(Good, new string('x', SatisfactionRating.CommentMaxLength + 1), CustomerUser, Later));

        Assert.Equal("comment", refused.Field);
    }

    [Theory]
    [InlineData(1, 1, 1, 1, 1, 0.0)]
    [InlineData(7, 7, 7, 7, 7, 100.0)]
    [InlineData(4, 4, 4, 4, 4, 50.0)]
    // Equal weights: mean (7+6+5+4+3)/5 = 5 -> (5-1)/6*100 = 66.666...
    [InlineData(7, 6, 5, 4, 3, 200.0 / 3)]
    public void With_equal_weights_the_score_is_the_mean_mapped_onto_0_to_100(int reliability, int responsiveness, int assurance, int empathy, int tangibles, double expected)
    {
        var ticket = In(TicketStatus.Resolved);
        var rating = ticket.Rate(new SatisfactionValues(4, reliability, responsiveness, assurance, empathy, tangibles), null, CustomerUser, Later);

        Assert.Equal(expected, rating.Score(SatisfactionWeights.Equal), precision: 9);
    }

    [Fact]
    public void With_custom_weights_the_score_is_the_normalised_weighted_mean()
    {
        // Values 7,6,5,4,3 with weights 2,1,1,1,1: weighted mean (14+6+5+4+3)/6 = 32/6 = 5.333..; (5.333.. - 1)/6*100 = 72.222..
        var rating = In(TicketStatus.Resolved).Rate(Good, null, CustomerUser, Later);

        var score = rating.Score(new SatisfactionWeights(2, 1, 1, 1, 1));

        Assert.Equal((32.0 / 6 - 1) / 6 * 100, score, precision: 9);
        Assert.Equal(72.222, score, precision: 3);
        // Only the ratio of the weights counts.
        Assert.Equal(score, rating.Score(new SatisfactionWeights(0.4, 0.2, 0.2, 0.2, 0.2)), precision: 9);
    }

    [Theory]
    [InlineData(0, 1, 1, 1, 1, "Reliability")]
    [InlineData(1, -1, 1, 1, 1, "Responsiveness")]
    [InlineData(1, 1, 0, 1, 1, "Assurance")]
    [InlineData(1, 1, 1, double.NaN, 1, "Empathy")]
    [InlineData(1, 1, 1, 1, -0.5, "Tangibles")]
    public void A_non_positive_weight_is_refused_naming_the_dimension(double reliability, double responsiveness, double assurance, double empathy, double tangibles, string dimension)
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new SatisfactionWeights(reliability, responsiveness, assurance, empathy, tangibles));

        Assert.Equal(dimension, refused.ParamName);
    }
}
