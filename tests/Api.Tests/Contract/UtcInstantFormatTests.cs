using System.Globalization;
using System.Text;
using ServiceDesk.Api.Common;

namespace ServiceDesk.Api.Tests.Contract;

/// <summary>The hand-written instant formatter writes what the contract's format string writes, for any instant.</summary>
public sealed class UtcInstantFormatTests
{
    private const string ContractFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    [Theory]
    [InlineData("2026-11-24T08:00:00.0000000Z", "2026-11-24T08:00:00Z")]
    [InlineData("2026-11-24T08:00:00.2500000Z", "2026-11-24T08:00:00.25Z")]
    [InlineData("2026-01-02T03:04:05.0500000Z", "2026-01-02T03:04:05.05Z")]
    [InlineData("0001-01-01T00:00:00.0000001Z", "0001-01-01T00:00:00.0000001Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.9999999Z")]
    public void Known_instants(string instant, string expected)
    {
        var utc = DateTime.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        Assert.Equal(expected, Format(utc));
    }

    [Fact]
    public void Ten_thousand_random_instants_match_the_format_string()
    {
        var random = new Random(20261203);
        for (var i = 0; i < 10_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            // Half of them on whole seconds or milliseconds, as most stored instants are.
            if (i % 4 == 1)
                ticks -= ticks % TimeSpan.TicksPerSecond;
            else if (i % 4 == 2)
                ticks -= ticks % TimeSpan.TicksPerMillisecond;
            var utc = new DateTime(ticks, DateTimeKind.Utc);

            Assert.Equal(utc.ToString(ContractFormat, CultureInfo.InvariantCulture), Format(utc));
        }
    }

    private static string Format(DateTime utc)
    {
        Span<byte> buffer = stackalloc byte[32];
        return Encoding.UTF8.GetString(buffer[..UtcInstantJsonConverter.Format(utc, buffer)]);
    }
}
