using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Domain.Problems;

/// <summary>
/// A problem (PRB): the cause behind one or more incidents. New -> Investigating -> KnownError (root cause and
/// workaround recorded) -> Resolved (by a change) -> Closed. Incidents are linked while the problem is open; each
/// linked incident shows the problem's workaround. Every step leaves a history line.
/// </summary>
public sealed class Problem : AuditedAggregate<ProblemHistoryEntry>, IHasDomainEvents
{
    public const string NumberPrefix = "PRB";
    public const int SummaryMaxLength = DeskRecord.SummaryMaxLength;
    public const int DescriptionMaxLength = DeskRecord.DescriptionMaxLength;
    public const int TextMaxLength = 8000;

    private readonly List<DomainEvent> _events = [];

    private Problem()
    {
        Number = Summary = Description = CreatedBy = string.Empty;
    }

    private Problem(Guid id, string number, string createdBy, DateTimeOffset createdAt)
    {
        Id = id;
        Number = number;
        Summary = Description = string.Empty;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        LastChangedAt = createdAt;
        Status = ProblemStatus.New;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; }

    public string Summary { get; private set; }

    public string Description { get; private set; }

    public string? ProductCode { get; private set; }

    public ProblemStatus Status { get; private set; }

    public string? RootCause { get; private set; }

    public string? Workaround { get; private set; }

    /// <summary>The change that fixed it (set when resolved).</summary>
    public string? ResolvedByChange { get; private set; }

    /// <summary>How many incidents are linked to it now.</summary>
    public int IncidentCount { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? KnownErrorAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset LastChangedAt { get; private set; }

    public IReadOnlyList<DomainEvent> DomainEvents => _events;

    /// <summary>Incidents may be linked and unlinked until the problem is resolved.</summary>
    public bool AcceptsIncidents => Status is ProblemStatus.New or ProblemStatus.Investigating or ProblemStatus.KnownError;

    public void ClearDomainEvents() => _events.Clear();

    public static Problem Open(string number, string summary, string description, string? productCode, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var problem = new Problem(Guid.CreateVersion7(at), number, actor.Name, at);
        problem.SetDetails(summary, description, productCode);
        problem.Record(at, actor, "created", "status", null, ProblemStatus.New.ToString());
        problem.RaiseUpdated(at, "created");
        return problem;
    }

    /// <summary>
    /// Edits the description; the root cause and workaround can be corrected once they are recorded (a known error
    /// or later), never invented before. A closed problem is not edited.
    /// </summary>
    public void Update(string summary, string description, string? productCode, string? rootCause, string? workaround, Actor actor, DateTimeOffset now)
    {
        if (Status == ProblemStatus.Closed)
            throw DomainException.IllegalTransition("problem", Status, "edit");
        var before = (Summary, Description, ProductCode);
        var (cause, work) = (Guard.Optional(rootCause, "rootCause", TextMaxLength), Guard.Optional(workaround, "workaround", TextMaxLength));
        if (Status is ProblemStatus.New or ProblemStatus.Investigating)
        {
            if (cause is not null || work is not null)
                throw DomainException.NotAKnownError($"Problem {Number} is {Status}: record the root cause and workaround with the known-error action.", cause is not null ? "rootCause" : "workaround", DomainErrorKind.Conflict);
        }
        else
        {
            cause = Guard.Required(rootCause, "rootCause", TextMaxLength);
            work = Guard.Required(workaround, "workaround", TextMaxLength);
        }

        SetDetails(summary, description, productCode);
        Changed(now, actor, "summary", before.Summary, Summary);
        Changed(now, actor, "description", before.Description, Description);
        Changed(now, actor, "productCode", before.ProductCode, ProductCode);
        if (Status is not (ProblemStatus.New or ProblemStatus.Investigating))
        {
            Changed(now, actor, "rootCause", RootCause, cause);
            Changed(now, actor, "workaround", Workaround, work);
            RootCause = cause;
            Workaround = work;
        }

        LastChangedAt = now;
    }

    public void Investigate(Actor actor, DateTimeOffset now)
    {
        if (Status != ProblemStatus.New)
            throw DomainException.IllegalTransition("problem", Status, "start investigating");
        MoveTo(ProblemStatus.Investigating, actor, now);
    }

    /// <summary>The cause is known and there is a way around it: linked incidents show the workaround from now on.</summary>
    public void RecordKnownError(string rootCause, string workaround, Actor actor, DateTimeOffset now)
    {
        if (Status != ProblemStatus.Investigating)
            throw DomainException.IllegalTransition("problem", Status, "record a known error for");
        var cause = Guard.Required(rootCause, "rootCause", TextMaxLength);
        var work = Guard.Required(workaround, "workaround", TextMaxLength);
        RootCause = cause;
        Workaround = work;
        KnownErrorAt = now;
        Record(now, actor, "known-error", "rootCause", null, cause);
        Record(now, actor, "known-error", "workaround", null, work);
        MoveTo(ProblemStatus.KnownError, actor, now);
    }

    /// <summary>A change that was carried out (and did not fail) fixed the cause.</summary>
    public void Resolve(Change change, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Status != ProblemStatus.KnownError)
            throw DomainException.IllegalTransition("problem", Status, "resolve");
        change.EnsureDeliveredFix();
        ResolvedByChange = change.Number;
        ResolvedAt = now;
        Record(now, actor, "resolved", "resolvedByChange", null, change.Number);
        MoveTo(ProblemStatus.Resolved, actor, now);
    }

    public void Close(Actor actor, DateTimeOffset now)
    {
        if (Status != ProblemStatus.Resolved)
            throw DomainException.IllegalTransition("problem", Status, "close");
        ClosedAt = now;
        MoveTo(ProblemStatus.Closed, actor, now);
    }

    /// <summary>Counts an incident in (the incident itself records which problem it belongs to).</summary>
    public void LinkIncident(string incidentNumber, Actor actor, DateTimeOffset now)
    {
        if (!AcceptsIncidents)
            throw DomainException.IllegalTransition("problem", Status, "link an incident to");
        IncidentCount++;
        Record(now, actor, "link", "incidents", null, incidentNumber);
        LastChangedAt = now;
        RaiseUpdated(now, "incidents");
    }

    public void UnlinkIncident(string incidentNumber, Actor actor, DateTimeOffset now)
    {
        if (!AcceptsIncidents)
            throw DomainException.IllegalTransition("problem", Status, "unlink an incident from");
        IncidentCount = Math.Max(0, IncidentCount - 1);
        Record(now, actor, "unlink", "incidents", incidentNumber, null);
        LastChangedAt = now;
        RaiseUpdated(now, "incidents");
    }

    private void SetDetails(string summary, string description, string? productCode)
    {
        var checkedSummary = Guard.Required(summary, "summary", SummaryMaxLength);
        var checkedDescription = Guard.Required(description, "description", DescriptionMaxLength);
        var checkedProduct = productCode is null ? null : Guard.Code(productCode, "productCode");
        Summary = checkedSummary;
        Description = checkedDescription;
        ProductCode = checkedProduct;
    }

    private void Changed(DateTimeOffset at, Actor actor, string field, string? oldValue, string? newValue)
    {
        if (string.Equals(oldValue, newValue, StringComparison.Ordinal))
            return;
        Record(at, actor, "updated", field, oldValue, newValue);
        RaiseUpdated(at, field);
    }

    /// <summary>One problem.updated per change set: what changed is listed in it, with the status and product it left.</summary>
    private void RaiseUpdated(DateTimeOffset at, string what)
    {
        var pending = _events.FindIndex(e => e is ProblemUpdated);
        if (pending >= 0)
            _events[pending] = ((ProblemUpdated)_events[pending]).Including(what) with { Status = Status, ProductCode = ProductCode };
        else
            _events.Add(new ProblemUpdated(Number, at, [what], Status, ProductCode));
    }

    private void MoveTo(ProblemStatus status, Actor actor, DateTimeOffset now)
    {
        Record(now, actor, "status", "status", Status.ToString(), status.ToString());
        Status = status;
        LastChangedAt = now;
        RaiseUpdated(now, "status");
    }

    private void Record(DateTimeOffset at, Actor actor, string action, string? field, string? oldValue, string? newValue) =>
        Record(sequence => new ProblemHistoryEntry(Id, sequence, at, actor.Name, action, field, oldValue, newValue));
}
