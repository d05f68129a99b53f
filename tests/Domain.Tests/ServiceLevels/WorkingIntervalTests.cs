using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Domain.Tests.ServiceLevels;

public class WorkingIntervalTests
{
    [Fact]
    public void Times_are_read_as_minutes_since_local_midnight()
    {
        var interval = WorkingInterval.Parse("09:00", "12:00");

        Assert.Equal(540, interval.StartMinute);
        Assert.Equal(720, interval.EndMinute);
        Assert.Equal(180, interval.DurationMinutes);
        Assert.Equal("09:00-12:00", interval.ToString());
    }

    [Fact]
    public void Twenty_four_hundred_is_the_end_of_the_day()
    {
        var interval = WorkingInterval.Parse("00:00", "24:00");

        Assert.Equal(WorkingInterval.MinutesPerDay, interval.EndMinute);
        Assert.Equal("24:00", interval.EndText);
        Assert.Equal("00:00", interval.StartText);
    }

    [Fact]
    public void Twenty_four_hundred_is_refused_as_a_start() =>
        Assert.Throws<DomainException>(() => WorkingInterval.Parse("24:00", "24:00"));

    [Theory]
    [InlineData("9:00")]
    [InlineData("09:60")]
    [InlineData("25:00")]
    [InlineData("24:01")]
    [InlineData("0900")]
    [InlineData("+9:00")]
    [InlineData("")]
    public void A_malformed_time_is_refused(string text)
    {
        Assert.False(WorkingInterval.TryParseTimeOfDay(text, isEnd: true, out _));
        Assert.Throws<DomainException>(() => WorkingInterval.ParseTimeOfDay(text, isEnd: true));
    }

    [Theory]
    [InlineData("12:00", "09:00")]
    [InlineData("09:00", "09:00")]
    public void An_interval_must_start_before_it_ends(string start, string end) =>
        Assert.Throws<DomainException>(() => WorkingInterval.Parse(start, end));

    [Fact]
    public void Intervals_are_compared_by_value() =>
        Assert.Equal(new WorkingInterval(540, 720), WorkingInterval.Parse("09:00", "12:00"));
}
