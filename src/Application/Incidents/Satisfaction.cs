using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents;

/// <summary>A ticket's satisfaction rating as clients read it, with its score under the configured weights.</summary>
/// <param name="Overall" example="6">Overall satisfaction, 1 (very dissatisfied) .. 7 (very satisfied).</param>
/// <param name="Reliability" example="7">Reliability, 1..7.</param>
/// <param name="Responsiveness" example="6">Responsiveness, 1..7.</param>
/// <param name="Assurance" example="5">Assurance, 1..7.</param>
/// <param name="Empathy" example="4">Empathy, 1..7.</param>
/// <param name="Tangibles" example="3">Tangibles, 1..7.</param>
/// <param name="Comment" example="Fixed quickly, but nobody called back.">The customer's comment, if any.</param>
/// <param name="RatedAt">When the customer rated.</param>
public sealed record SatisfactionResponse(
    int Overall,
    int Reliability,
    int Responsiveness,
    int Assurance,
    int Empathy,
    int Tangibles,
    string? Comment,
    DateTimeOffset RatedAt)
{
    /// <summary>The weighted mean of the five dimensions mapped onto 0..100 (two decimals), with the configured weights.</summary>
    /// <example>72.22</example>
    public double Score { get; init; }

    /// <summary>This rating with its score computed under <paramref name="weights"/>.</summary>
    public SatisfactionResponse Scored(SatisfactionWeights weights) =>
        this with { Score = Math.Round(SatisfactionRating.Score(Reliability, Responsiveness, Assurance, Empathy, Tangibles, weights), 2, MidpointRounding.AwayFromZero) };
}

/// <summary>
/// The score is not stored: tickets are read with the rating's values (in SQL), and the score is added here, after
/// the query, with the configured weights.
/// </summary>
public static class SatisfactionScores
{
    public static TicketResponse Scored(this TicketResponse ticket, SatisfactionWeights weights)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.Satisfaction is { } rating ? ticket with { Satisfaction = rating.Scored(weights) } : ticket;
    }
}

/// <summary>
/// <c>Satisfaction:Weights:{Reliability,Responsiveness,Assurance,Empathy,Tangibles}</c>: how much each dimension counts
/// in a rating's score (any positive numbers, normalised to sum to 1; default equal). A non-positive or non-numeric
/// weight stops the start, naming the setting.
/// </summary>
public sealed class SatisfactionWeightOptions
{
    public const string SectionName = "Satisfaction:Weights";

    public double Reliability { get; set; } = 1;

    public double Responsiveness { get; set; } = 1;

    public double Assurance { get; set; } = 1;

    public double Empathy { get; set; } = 1;

    public double Tangibles { get; set; } = 1;

    public SatisfactionWeights ToWeights() => new(Reliability, Responsiveness, Assurance, Empathy, Tangibles);

    internal static void AddTo(IServiceCollection services)
    {
        var builder = services.AddOptions<SatisfactionWeightOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                var section = configuration.GetSection(SectionName);
                options.Reliability = Read(section, nameof(Reliability));
                options.Responsiveness = Read(section, nameof(Responsiveness));
                options.Assurance = Read(section, nameof(Assurance));
                options.Empathy = Read(section, nameof(Empathy));
                options.Tangibles = Read(section, nameof(Tangibles));
            });
        foreach (var (dimension, weight) in new (string, Func<SatisfactionWeightOptions, double>)[]
                 {
                     (nameof(Reliability), o => o.Reliability), (nameof(Responsiveness), o => o.Responsiveness), (nameof(Assurance), o => o.Assurance),
                     (nameof(Empathy), o => o.Empathy), (nameof(Tangibles), o => o.Tangibles),
                 })
        {
            builder = builder.Validate(o => weight(o) > 0 && double.IsFinite(weight(o)), $"{SectionName}:{dimension} must be a positive number.");
        }

        builder.ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SatisfactionWeightOptions>>().Value.ToWeights());
    }

    // Unset: 1 (equal weights). Set but not a number: NaN, which the validation reports by the setting's name.
    private static double Read(IConfigurationSection section, string dimension) =>
        section[dimension] is not { } text ? 1
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) ? weight
        : double.NaN;
}
