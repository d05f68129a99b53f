using FluentValidation;

namespace ServiceDesk.Application.Reports;

/// <summary>What a report groups by: <c>productLine</c>, <c>customer</c>, <c>serviceLevel</c> or <c>priority</c>.</summary>
public enum ReportGroupBy
{
    ProductLine,
    Customer,
    ServiceLevel,
    Priority,
}

/// <summary>A half-open period <c>[from, to)</c> as a report or the breach list takes it (<c>?from=&amp;to=</c>).</summary>
public readonly record struct ReportPeriod(DateTimeOffset? From, DateTimeOffset? To);

/// <summary>Both ends required, from before to, at most <c>Reports:MaxPeriodDays</c> days: a 400 naming the parameter otherwise.</summary>
public sealed class ReportPeriodValidator : AbstractValidator<ReportPeriod>
{
    public ReportPeriodValidator(ReportOptions options)
    {
        var maxDays = options.MaxPeriodDays;
        RuleFor(p => p.From).NotNull().OverridePropertyName("from").WithMessage("'from' is required (an instant, e.g. 2026-11-01T00:00:00Z).");
        RuleFor(p => p.To).NotNull().OverridePropertyName("to").WithMessage("'to' is required (an instant, e.g. 2026-12-01T00:00:00Z).");
        RuleFor(p => p.To).Must((p, to) => to > p.From).When(p => p.From.HasValue && p.To.HasValue)
            .OverridePropertyName("to").WithMessage("'to' must be after 'from' (the period is [from, to)).");
        RuleFor(p => p.To).Must((p, to) => to - p.From <= TimeSpan.FromDays(maxDays)).When(p => p.From.HasValue && p.To.HasValue)
            .OverridePropertyName("to").WithMessage($"The period may be at most {maxDays} days long.");
    }
}

public static class ReportGroupings
{
    /// <summary>The names clients send, as the contract spells them.</summary>
    public static readonly IReadOnlyList<string> Names = ["productLine", "customer", "serviceLevel", "priority"];

    public static ReportGroupBy? Parse(string? value)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], value?.Trim(), StringComparison.OrdinalIgnoreCase))
                return (ReportGroupBy)i;
        }

        return null;
    }

    public static string Name(this ReportGroupBy groupBy) => Names[(int)groupBy];

    public static IRuleBuilderOptions<T, string?> ValidGroupBy<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => Parse(value) is not null).OverridePropertyName("groupBy")
            .WithMessage($"'groupBy' is required and must be one of {string.Join(", ", Names)}.");
}
