using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Domain.Tests.ServiceLevels;

/// <summary>Service level lifecycle and edits.</summary>
public class ServiceLevelTests
{
    internal static ServiceLevel Gold() => new("GOLD", new ServiceLevelTerms { Name = "Gold", NameZh = "金牌", Rank = 2, CalendarCode = "7X12-CN", ResponseCalendarCode = null, PriceMultiplier = 1.5m, AvailabilityTargetPercent = 99.9m, OnSiteArrivalMinutes = 240, Targets = [new(Priority.P1, 30, 360), new(Priority.P2, 60, 720), new(Priority.P3, 120, 2160), new(Priority.P4, 480, 5760)] });

    [Fact]
    public void A_retired_level_cannot_be_used_for_a_new_agreement()
    {
        var level = Gold();
        level.Retire();

        var exception = Assert.Throws<DomainException>(() => level.EnsureAvailable());
        Assert.Equal("service-level-retired", exception.Rule);
        Assert.Equal(DomainErrorKind.Unprocessable, exception.Kind);
        Assert.Equal("serviceLevelCode", exception.Field);
    }

    [Fact]
    public void Retiring_a_retired_level_is_an_illegal_transition()
    {
        var level = Gold();
        level.Retire();

        Assert.Equal("illegal-transition", Assert.Throws<DomainException>(level.Retire).Rule);
    }

    [Fact]
    public void A_refused_edit_leaves_the_level_as_it_was()
    {
        var level = Gold();

        var exception = Assert.Throws<DomainException>(() => level.Update(new ServiceLevelTerms { Name = "Renamed", NameZh = null, Rank = 3, CalendarCode = "not a code", ResponseCalendarCode = null, PriceMultiplier = 1m, AvailabilityTargetPercent = 99m, OnSiteArrivalMinutes = null, Targets = level.Targets }));

        Assert.Equal("calendarCode", exception.Field);
        Assert.Equal("Gold", level.Name);
        Assert.Equal(2, level.Rank);
    }

    [Fact]
    public void A_missing_priority_is_refused_naming_it()
    {
        var exception = Assert.Throws<DomainException>(() => new ServiceLevel("X", new ServiceLevelTerms { Name = "X", NameZh = null, Rank = 1, CalendarCode = "24X7", ResponseCalendarCode = null, PriceMultiplier = 1m, AvailabilityTargetPercent = 99m, OnSiteArrivalMinutes = null, Targets = [new(Priority.P1, 30, 360), new(Priority.P2, 60, 720), new(Priority.P4, 480, 5760)] }));

        Assert.Equal("targets.P3", exception.Field);
    }
}
