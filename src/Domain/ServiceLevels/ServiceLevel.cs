using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.ServiceLevels;

/// <summary>
/// A service standard a customer buys (PLATINUM, GOLD, ...): per-priority response and resolution targets in
/// business minutes on a calendar, plus availability, on-site arrival and the price multiplier.
/// </summary>
public sealed class ServiceLevel : Entity
{
    public const int NameMaxLength = 200;

    private ServiceLevel()
    {
        Code = Name = CalendarCode = string.Empty;
    }

    public ServiceLevel(string code, ServiceLevelTerms terms)
    {
        Code = Guard.Code(code);
        Name = CalendarCode = string.Empty;
        Update(terms);
        Status = ServiceLevelStatus.Active;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string? NameZh { get; private set; }

    /// <summary>1 is the best level; used to pick among several matching agreements.</summary>
    public int Rank { get; private set; }

    /// <summary>The calendar resolution (and, unless <see cref="ResponseCalendarCode"/> is set, response) is measured on.</summary>
    public string CalendarCode { get; private set; }

    public string? ResponseCalendarCode { get; private set; }

    public decimal PriceMultiplier { get; private set; }

    public decimal AvailabilityTargetPercent { get; private set; }

    public int? OnSiteArrivalMinutes { get; private set; }

    public ServiceLevelStatus Status { get; private set; }

    public IReadOnlyList<ServiceTarget> Targets { get; private set; } = [];

    public string EffectiveResponseCalendarCode => ResponseCalendarCode ?? CalendarCode;

    public ServiceTarget TargetFor(Priority priority) =>
        Targets.First(t => t.Priority == priority);

    public void Update(ServiceLevelTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var (name, nameZh, rank, calendarCode, responseCalendarCode) = (terms.Name, terms.NameZh, terms.Rank, terms.CalendarCode, terms.ResponseCalendarCode);
        var (priceMultiplier, availabilityTargetPercent, onSiteArrivalMinutes, targets) =
            (terms.PriceMultiplier, terms.AvailabilityTargetPercent, terms.OnSiteArrivalMinutes, terms.Targets);
        ArgumentNullException.ThrowIfNull(targets);
        if (rank < 1)
            throw DomainException.Invalid("rank", "'rank' must be at least 1.");
        if (priceMultiplier <= 0)
            throw DomainException.Invalid("priceMultiplier", "'priceMultiplier' must be greater than 0.");
        if (availabilityTargetPercent is <= 0 or > 100)
            throw DomainException.Invalid("availabilityTargetPercent", "'availabilityTargetPercent' must be greater than 0 and at most 100.");
        if (onSiteArrivalMinutes is < 1)
            throw DomainException.Invalid("onSiteArrivalMinutes", "'onSiteArrivalMinutes' must be at least 1 when given.");

        var list = targets.ToList();
        foreach (var priority in Enum.GetValues<Priority>())
        {
            var matching = list.Where(t => t.Priority == priority).ToList();
            if (matching.Count != 1)
                throw DomainException.Invalid($"targets.{priority}", $"Exactly one target is required for {priority}.");
            var target = matching[0];
            if (target.ResponseMinutes < 1)
                throw DomainException.Invalid($"targets.{priority}.responseMinutes", "'responseMinutes' must be at least 1.");
            if (target.ResolutionMinutes < target.ResponseMinutes)
                throw DomainException.Invalid($"targets.{priority}.resolutionMinutes", "'resolutionMinutes' must not be less than 'responseMinutes'.");
        }

        // Every field is checked before any is assigned: a refused edit leaves the level as it was.
        var newName = Guard.Required(name, "name", NameMaxLength);
        var newNameZh = Guard.Optional(nameZh, "nameZh", NameMaxLength);
        var newCalendarCode = Guard.Code(calendarCode, "calendarCode");
        var newResponseCalendarCode = responseCalendarCode is null ? null : Guard.Code(responseCalendarCode, "responseCalendarCode");

        Name = newName;
        NameZh = newNameZh;
        Rank = rank;
        CalendarCode = newCalendarCode;
        ResponseCalendarCode = newResponseCalendarCode;
        PriceMultiplier = priceMultiplier;
        AvailabilityTargetPercent = availabilityTargetPercent;
        OnSiteArrivalMinutes = onSiteArrivalMinutes;
        Targets = list.OrderBy(t => t.Priority).ToList();
    }

    public bool IsRetired => Status == ServiceLevelStatus.Retired;

    /// <summary>Retiring is how a level leaves the offer: agreements on it keep it, new agreements cannot choose it.</summary>
    public void Retire()
    {
        if (IsRetired)
            throw DomainException.IllegalTransition("service level", Status, "retire");
        Status = ServiceLevelStatus.Retired;
    }

    /// <summary>Refuses a retired level for something new (an agreement, or moving an agreement to it).</summary>
    public void EnsureAvailable(string field = "serviceLevelCode")
    {
        if (IsRetired)
            throw new DomainException(RuleNames.ServiceLevelRetired, $"Service level {Code} is retired and cannot be used for new agreements.", DomainErrorKind.Unprocessable, field);
    }
}

/// <summary>Response and resolution targets, in business minutes, for one priority.</summary>
public sealed record ServiceTarget(Priority Priority, int ResponseMinutes, int ResolutionMinutes);

public enum ServiceLevelStatus
{
    Active,
    Retired,
}

/// <summary>
/// What a service level promises and costs, as written on creation and on every edit; the level checks it. Set by
/// name: the two calendars and the three numbers would otherwise be easy to swap unnoticed.
/// </summary>
public sealed record ServiceLevelTerms
{
    public required string Name { get; init; }

    public string? NameZh { get; init; }

    public required int Rank { get; init; }

    public required string CalendarCode { get; init; }

    public string? ResponseCalendarCode { get; init; }

    public required decimal PriceMultiplier { get; init; }

    public required decimal AvailabilityTargetPercent { get; init; }

    public int? OnSiteArrivalMinutes { get; init; }

    public required IEnumerable<ServiceTarget> Targets { get; init; }
}
