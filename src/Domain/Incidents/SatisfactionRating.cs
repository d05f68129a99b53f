using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Incidents;

/// <summary>
/// A customer's rating of a resolved ticket on the seven-level satisfaction scale (domain.md section 8): an overall
/// value and one value per service-quality dimension, each 1 (very dissatisfied) .. 7 (very satisfied), and a comment.
/// Only the values are stored; the score is computed with the configured weights where it is needed.
/// </summary>
public sealed record SatisfactionRating
{
    public const int MinValue = 1;
    public const int MaxValue = 7;
    public const int CommentMaxLength = 2000;
    public const int RatedByMaxLength = 200;

    // For EF Core (an owned type materialised from the ticket's columns).
    private SatisfactionRating()
    {
        RatedBy = string.Empty;
    }

    private SatisfactionRating(SatisfactionValues values, string? comment, DateTimeOffset ratedAt, string ratedBy)
    {
        Overall = InRange(values.Overall, "overall");
        Reliability = InRange(values.Reliability, "reliability");
        Responsiveness = InRange(values.Responsiveness, "responsiveness");
        Assurance = InRange(values.Assurance, "assurance");
        Empathy = InRange(values.Empathy, "empathy");
        Tangibles = InRange(values.Tangibles, "tangibles");
        Comment = Guard.Optional(comment, "comment", CommentMaxLength);
        RatedAt = ratedAt;
        RatedBy = ratedBy;
    }

    public int Overall { get; private init; }

    public int Reliability { get; private init; }

    public int Responsiveness { get; private init; }

    public int Assurance { get; private init; }

    public int Empathy { get; private init; }

    public int Tangibles { get; private init; }

    public string? Comment { get; private init; }

    public DateTimeOffset RatedAt { get; private init; }

    /// <summary>Who rated (the actor's name, as history shows it).</summary>
    public string RatedBy { get; private init; }

    /// <summary>A rating of <paramref name="values"/> (each 1..7, else a 400 naming the field) by <paramref name="actor"/> at <paramref name="at"/>.</summary>
    public static SatisfactionRating Create(SatisfactionValues values, string? comment, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(actor);
        return new SatisfactionRating(values, comment, at, actor.Name);
    }

    /// <summary>
    /// The weighted mean of the five dimension values (weights normalised to sum to 1) mapped onto 0..100 as
    /// <c>(weightedMean - 1) / 6 * 100</c>.
    /// </summary>
    public double Score(SatisfactionWeights weights) => Score(Reliability, Responsiveness, Assurance, Empathy, Tangibles, weights);

    /// <summary>
    /// The score of five dimension values (for read models that carry the values, not the rating). The score is linear
    /// in the values, so the mean score of many ratings is the score of their per-dimension means.
    /// </summary>
    public static double Score(double reliability, double responsiveness, double assurance, double empathy, double tangibles, SatisfactionWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var weightedMean = (weights.Reliability * reliability + weights.Responsiveness * responsiveness + weights.Assurance * assurance
                            + weights.Empathy * empathy + weights.Tangibles * tangibles) / weights.Total;
        return (weightedMean - MinValue) / (MaxValue - MinValue) * 100;
    }

    private static int InRange(int value, string field) =>
        value is >= MinValue and <= MaxValue
            ? value
            : throw DomainException.Invalid(field, $"'{field}' must be between {MinValue} and {MaxValue} (the seven-level satisfaction scale).");
}

/// <summary>The six values of a rating, each on the seven-level scale.</summary>
public sealed record SatisfactionValues(int Overall, int Reliability, int Responsiveness, int Assurance, int Empathy, int Tangibles);

/// <summary>
/// How much each service-quality dimension counts in a rating's score. Any positive numbers: they are normalised to
/// sum to 1 when the score is computed. <see cref="Equal"/> is the default.
/// </summary>
public sealed record SatisfactionWeights
{
    public SatisfactionWeights(double reliability, double responsiveness, double assurance, double empathy, double tangibles)
    {
        Reliability = Positive(reliability, nameof(Reliability));
        Responsiveness = Positive(responsiveness, nameof(Responsiveness));
        Assurance = Positive(assurance, nameof(Assurance));
        Empathy = Positive(empathy, nameof(Empathy));
        Tangibles = Positive(tangibles, nameof(Tangibles));
    }

    public static SatisfactionWeights Equal { get; } = new(1, 1, 1, 1, 1);

    public double Reliability { get; }

    public double Responsiveness { get; }

    public double Assurance { get; }

    public double Empathy { get; }

    public double Tangibles { get; }

    public double Total => Reliability + Responsiveness + Assurance + Empathy + Tangibles;

    private static double Positive(double weight, string dimension) =>
        weight > 0 && double.IsFinite(weight)
            ? weight
            : throw new ArgumentOutOfRangeException(dimension, weight, $"The weight of {dimension} must be a positive number.");
}
