using ServiceDesk.Domain.Common;

namespace ServiceDesk.Domain.Changes;

/// <summary>
/// A blackout in which Normal and Standard changes may not be scheduled (Emergency changes may, and are flagged):
/// for one customer, or global (every customer).
/// </summary>
public sealed class FreezePeriod : Entity
{
    public const int NameMaxLength = 200;

    private FreezePeriod()
    {
        Id = Name = CreatedBy = string.Empty;
    }

    private FreezePeriod(string id, string name, ChangeWindow window, Guid? customerId, string createdBy, DateTimeOffset createdAt)
    {
        Id = id;
        Name = Guard.Required(name, "name", NameMaxLength);
        Start = window.Start;
        End = window.End;
        CustomerId = customerId;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    /// <summary>
    /// A GUID in its canonical text form: a string key lets lists page on (start, id) the same way on every
    /// provider (databases sort GUID columns differently).
    /// </summary>
    public string Id { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }

    /// <summary>The customer it protects; null for a global freeze.</summary>
    public Guid? CustomerId { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsGlobal => CustomerId is null;

    public static FreezePeriod Declare(string name, DateTimeOffset start, DateTimeOffset end, Guid? customerId, string createdBy, DateTimeOffset now)
    {
        var window = ChangeWindow.Create(start, end, "start", "end");
        if (window.End <= now)
            throw DomainException.Invalid("end", "'end' must be in the future: a freeze that is already over protects nothing.");
        return new FreezePeriod(Guid.CreateVersion7(now).ToString(), name, window, customerId, createdBy, now);
    }

    /// <summary>
    /// Whether this freeze forbids a window for a change: the windows overlap, and the freeze covers the change's
    /// customer (a global freeze covers everyone; a global change affects every customer, so every freeze covers it).
    /// </summary>
    public bool Covers(ChangeWindow window, Guid? changeCustomerId)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.Overlaps(Start, End) && (CustomerId is null || changeCustomerId is null || CustomerId == changeCustomerId);
    }

    public override string ToString() => $"'{Name}' ({Start:yyyy-MM-ddTHH:mm:ssZ} to {End:yyyy-MM-ddTHH:mm:ssZ})";
}
