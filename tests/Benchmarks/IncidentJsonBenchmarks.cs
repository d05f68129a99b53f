using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ServiceDesk.Api;
using ServiceDesk.Api.Incidents;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Incidents;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Benchmarks;

/// <summary>
/// What every ticket read pays after the query: writing the <see cref="TicketResponse"/> as JSON with the API's options
/// (<see cref="DependencyInjection.ConfigureJson"/>: camelCase, string enums, UTC instants), one ticket (GET
/// /incidents/{number}) and a page of 50 of them (whole tickets, as lists returned them before list items). A worked incident: contact with email and phone,
/// assignee, acknowledged, both due times; <see cref="Rated"/> adds a closed ticket's satisfaction rating. The output
/// goes to a reused buffer, as the server writes into its pooled response pipe, so the allocations are the
/// serializer's own. <see cref="ListPageOf50"/> is a page of the list's items polled again (each item's JSON kept with
/// it, <see cref="TicketListItemJsonConverter"/>); <see cref="ListPageOf50WrittenAnew"/> the same page with every
/// item written field by field; <see cref="NewListPageOf50"/> and <see cref="NewListPageOf50WrittenAnew"/> a page of items
/// never written before (read for one page), with and without their JSON kept.
/// </summary>
[MemoryDiagnoser]
public class IncidentJsonBenchmarks : IDisposable
{
    private static readonly DateTimeOffset OpenedAt = new(2026, 3, 6, 9, 0, 0, TimeSpan.Zero);

    private readonly ArrayBufferWriter<byte> _buffer = new(256 * 1024);
    private JsonSerializerOptions _options = null!;
    private JsonSerializerOptions _optionsWritingItemsAnew = null!;
    private Utf8JsonWriter _writer = null!;
    private TicketResponse _ticket = null!;
    private Page<TicketResponse> _page = null!;
    private Page<TicketListItem> _list = null!;

    [Params(false, true)]
    public bool Rated { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The HTTP layer's options start from the web defaults; ConfigureJson is what AddApi applies on top.
        _options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        DependencyInjection.ConfigureJson(_options);
        _optionsWritingItemsAnew = new JsonSerializerOptions(_options);
        _optionsWritingItemsAnew.Converters.Remove(_optionsWritingItemsAnew.Converters.OfType<TicketListItemJsonConverter>().Single());
        _writer = new Utf8JsonWriter(_buffer);
        _ticket = Ticket(42);
        _page = new Page<TicketResponse>([.. Enumerable.Range(1, 50).Select(Ticket)], "eyJvcGVuZWRBdCI6IjIwMjYtMDMtMDZUMDk6MDA6MDBaIiwibnVtYmVyIjoiSU5DMDAwMDAxIn0");
        _list = new Page<TicketListItem>([.. _page.Items.Select(ListItem)], _page.NextCursor);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _writer?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public long One() => Write(_ticket);

    [Benchmark]
    public long PageOf50() => Write(_page);

    /// <summary>A page of <c>GET /incidents</c> as it is written since lists return list items.</summary>
    [Benchmark]
    public long ListPageOf50() => Write(_list);

    /// <summary>The same page, every item written field by field.</summary>
    [Benchmark]
    public long ListPageOf50WrittenAnew() => Write(_list, _optionsWritingItemsAnew);

    /// <summary>A page of 50 items never written before (copies made in the operation): each one's JSON written and kept.</summary>
    [Benchmark]
    public long NewListPageOf50() => Write(new Page<TicketListItem>([.. _list.Items.Select(i => i with { })], _list.NextCursor));

    /// <summary>The same, without keeping their JSON: what keeping costs a page read for once is the difference.</summary>
    [Benchmark]
    public long NewListPageOf50WrittenAnew() =>
        Write(new Page<TicketListItem>([.. _list.Items.Select(i => i with { })], _list.NextCursor), _optionsWritingItemsAnew);

    private long Write<T>(T value, JsonSerializerOptions? options = null)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        JsonSerializer.Serialize(_writer, value, options ?? _options);
        return _writer.BytesCommitted + _writer.BytesPending;
    }

    private static TicketListItem ListItem(TicketResponse t) =>
        new(t.Number, t.Kind, t.Category, t.Status, t.Priority, t.CustomerId, t.ProductCode, t.ProductLineCode, t.ServiceLevel, t.AssignmentGroup,
            t.Assignee, t.Summary, t.OpenedAt, t.ResponseDueAt, t.ResolutionDueAt, t.ResponseState, t.ResolutionState);

    private TicketResponse Ticket(int n)
    {
        var opened = OpenedAt.AddMinutes(n * 7);
        var closed = Rated;
        return new TicketResponse(
            Number: $"INC{n:D6}",
            Kind: TicketKind.Incident,
            Category: TicketCategory.Incident,
            Status: closed ? TicketStatus.Closed : TicketStatus.InProgress,
            Priority: Priority.P2,
            Impact: Impact.High,
            Urgency: Urgency.Medium,
            CustomerId: new Guid("0a000000-0000-7000-8000-00000000ac3e"),
            ProductCode: "OPS-DC-01",
            ProductLineCode: "OPS",
            ServiceLevel: "GOLD",
            AssignmentGroup: "Infrastructure",
            Assignee: "li.wei",
            EscalationLevel: 1,
            Summary: "Core switch in building B is down",
            Description: "No network on floors 3-5 since 08:40. The core switch's management interface does not answer; the UPS reports normal load.",
            Channel: Channel.Portal,
            Contact: new TicketContact("Zhang Min", "zhang.min@acme.example", "+86 21 5555 0123"),
            ExternalReference: $"ACME-{7700 + n}",
            HoldReason: null,
            ResolutionCode: closed ? "Fixed" : null,
            ResolutionNotes: closed ? "Replaced the failed line card; traffic back to normal on all floors." : null,
            ReopenCount: 0,
            OpenedAt: opened,
            AcknowledgedAt: opened.AddMinutes(12),
            ResolvedAt: closed ? opened.AddHours(5) : null,
            ClosedAt: closed ? opened.AddDays(3) : null,
            ResponseDueAt: opened.AddMinutes(30),
            ResolutionDueAt: opened.AddHours(8),
            ResponseState: SlaClockState.Met,
            ResolutionState: closed ? SlaClockState.Met : SlaClockState.Running,
            ProblemNumber: null,
            Workaround: null,
            CausedByChange: null,
            Satisfaction: closed ? new SatisfactionResponse(6, 7, 6, 5, 4, 3, "Fixed quickly, but nobody called back.", opened.AddDays(2)) { Score = 72.22 } : null)
        {
            Version = 5,
        };
    }
}
