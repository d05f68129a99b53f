using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Application.Reports;

/// <summary>
/// <c>Reports:MaxPeriodDays</c>: the longest period (in days) a report or the breach list takes; default 400. Raising
/// it lets a deployment ask for longer periods (each report is a range scan per event instant, so its time grows with
/// the period). Anything but a whole number from 1 to 3660 stops the start, naming the setting.
/// </summary>
public sealed class ReportOptions
{
    public const string SectionName = "Reports";

    public const int DefaultMaxPeriodDays = 400;

    public const int UpperLimitDays = 3660;

    public int MaxPeriodDays { get; set; } = DefaultMaxPeriodDays;

    internal static void AddTo(IServiceCollection services)
    {
        services.AddOptions<ReportOptions>()
            // Unset: the default. Set but not a whole number: 0, which the validation reports by the setting's name.
            .Configure<IConfiguration>((options, configuration) => options.MaxPeriodDays =
                configuration[$"{SectionName}:{nameof(MaxPeriodDays)}"] is not { } text ? DefaultMaxPeriodDays
                : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days
                : 0)
            .Validate(o => o.MaxPeriodDays is >= 1 and <= UpperLimitDays, $"{SectionName}:MaxPeriodDays must be a whole number from 1 to {UpperLimitDays}.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReportOptions>>().Value);
    }
}
