using System.Text.Json;
using ServiceDesk.Api.Incidents;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Api.Tests.Contract;

/// <summary>
/// A list item's JSON, kept with the item (<see cref="TicketListItemJsonConverter"/>): what the API's options write
/// without it, the first time and every time after, and each changed item (a new instance) written anew.
/// </summary>
public sealed class TicketListItemJsonTests
{
    private static readonly DateTimeOffset OpenedAt = new(2026, 11, 24, 8, 0, 0, 250, TimeSpan.Zero);

    private readonly JsonSerializerOptions _api;
    private readonly JsonSerializerOptions _plain;

    /// <summary>A copy of the API's options, sharing its converter, and the same copy of the plain ones.</summary>
    private readonly JsonSerializerOptions _apiIndented;
    private readonly JsonSerializerOptions _plainIndented;

    public TicketListItemJsonTests()
    {
        _api = Options(keepItems: true);
        _plain = Options(keepItems: false);
        _apiIndented = new JsonSerializerOptions(_api) { WriteIndented = true };
        _plainIndented = new JsonSerializerOptions(_plain) { WriteIndented = true };
    }

    [Fact]
    public void An_item_is_written_as_the_serializer_writes_it_the_first_time_and_when_written_again()
    {
        var item = Item(1);
        var expected = JsonSerializer.Serialize(item, _plain);

        Assert.Equal(expected, JsonSerializer.Serialize(item, _api));
        Assert.Equal(expected, JsonSerializer.Serialize(item, _api));
        Assert.Contains("\"kind\":\"incident\"", expected, StringComparison.Ordinal);
        Assert.Contains("\"openedAt\":\"2026-11-24T08:01:00.25Z\"", expected, StringComparison.Ordinal);
        Assert.Contains("\"assignee\":null", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_item_is_written_as_it_is_now_and_the_item_before_it_as_it_was()
    {
        var before = Item(2);
        var written = JsonSerializer.Serialize(before, _api);
        var after = before with { Status = TicketStatus.InProgress, Assignee = "li.wei", Summary = "Line card replaced, \"watching\"" };

        var json = JsonSerializer.Serialize(after, _api);

        Assert.Equal(JsonSerializer.Serialize(after, _plain), json);
        Assert.Contains("\"status\":\"InProgress\"", json, StringComparison.Ordinal);
        Assert.Contains("\"summary\":\"Line card replaced, \\u0022watching\\u0022\"", json, StringComparison.Ordinal);
        Assert.Equal(written, JsonSerializer.Serialize(before, _api));
    }

    [Fact]
    public void A_page_of_items_is_written_as_the_serializer_writes_it_with_its_cursor()
    {
        var page = new Page<TicketListItem>([.. Enumerable.Range(1, 50).Select(Item)], "eyJudW1iZXIiOiJJTkMwMDAwNTAifQ");
        var expected = JsonSerializer.Serialize(page, _plain);

        Assert.Equal(expected, JsonSerializer.Serialize(page, _api));
        Assert.Equal(expected, JsonSerializer.Serialize(page, _api));
        using var parsed = JsonDocument.Parse(expected);
        Assert.Equal(50, parsed.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public void Options_copied_with_the_converter_write_items_with_their_own_settings_not_the_kept_bytes()
    {
        var item = Item(4);
        var compact = JsonSerializer.Serialize(item, _api);

        Assert.Equal(JsonSerializer.Serialize(item, _plainIndented), JsonSerializer.Serialize(item, _apiIndented));
        Assert.Contains("\n", JsonSerializer.Serialize(item, _apiIndented), StringComparison.Ordinal);
        Assert.Equal(compact, JsonSerializer.Serialize(item, _api));
    }

    [Fact]
    public void An_item_is_read_back_as_it_was_written()
    {
        var item = Item(3) with { Assignee = "wang.fang", ResponseState = SlaClockState.Breached };

        Assert.Equal(item, JsonSerializer.Deserialize<TicketListItem>(JsonSerializer.Serialize(item, _api), _api));
    }

    private static JsonSerializerOptions Options(bool keepItems)
    {
        // As the HTTP layer makes them: the web defaults, then what AddApi applies.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        DependencyInjection.ConfigureJson(options);
        if (!keepItems)
        {
            var converter = Assert.Single(options.Converters.OfType<TicketListItemJsonConverter>());
            options.Converters.Remove(converter);
        }

        return options;
    }

    private static TicketListItem Item(int n) => new(
        $"INC{n:D6}", TicketKind.Incident, TicketCategory.Incident, TicketStatus.New, Priority.P2,
        new Guid("0a000000-0000-7000-8000-00000000ac3e"), "OPS-DC-01", "OPS", "GOLD", "Infrastructure", null,
        $"Core switch {n} in building B is down", OpenedAt.AddMinutes(n), OpenedAt.AddMinutes(n + 30), OpenedAt.AddHours(8),
        SlaClockState.Running, SlaClockState.Running);
}
