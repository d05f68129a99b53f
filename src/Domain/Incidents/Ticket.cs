using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.ServiceDesk;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Domain.Incidents;

/// <summary>
/// An incident or a service request: the state machine of domain.md section 4, its two SLA clocks, and a history
/// line for every change. Every state change goes through a method named after the business action, which
/// refuses moves the current state does not allow.
/// </summary>
public sealed partial class Ticket : AuditedAggregate<TicketHistoryEntry>, IHasDomainEvents
{
    public const int SummaryMaxLength = DeskRecord.SummaryMaxLength;
    public const int DescriptionMaxLength = DeskRecord.DescriptionMaxLength;
    public const int AssigneeMaxLength = 100;
    public const int ResolutionCodeMaxLength = 50;
    public const int ReasonMaxLength = 2000;
    public const int MaxEscalationLevel = 3;

    /// <summary>A resolved ticket closes itself this long after resolution unless the customer reopens it.</summary>
    public static readonly TimeSpan AutoCloseAfter = TimeSpan.FromDays(3);

    private readonly List<DomainEvent> _events = [];
    private readonly List<TicketComment> _newComments = [];

    private Ticket()
    {
        Number = Summary = Description = ServiceLevelCode = AssignmentGroup = string.Empty;
        Contact = new TicketContact(string.Empty, null, null);
        Response = null!;
        Resolution = null!;
    }

    private Ticket(Guid id, NewTicket ticket, DateTimeOffset openedAt, SlaContext sla)
    {
        Id = id;
        Number = ticket.Number;
        Kind = ticket.Kind;
        Category = ticket.Category;
        CustomerId = ticket.CustomerId;
        ProductCode = ticket.ProductCode;
        ProductLineCode = ticket.ProductLineCode;
        Summary = Guard.Required(ticket.Summary, "summary", SummaryMaxLength);
        Description = Guard.Required(ticket.Description, "description", DescriptionMaxLength);
        Impact = ticket.Impact;
        Urgency = ticket.Urgency;
        Priority = DerivePriority(ticket.Category, ticket.Impact, ticket.Urgency);
        Channel = ticket.Channel;
        Contact = ticket.Contact;
        ExternalReference = ticket.ExternalReference;
        AssignmentGroup = ticket.AssignmentGroup;
        EscalationLevel = 1;
        Status = TicketStatus.New;
        OpenedAt = openedAt;
        LastChangedAt = openedAt;
        ServiceLevelCode = sla.Level.Code;
        (Response, Resolution) = StartClocks(openedAt, sla, Priority);
        UpdateQueueKeys();
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; }

    public TicketKind Kind { get; private set; }

    public TicketCategory Category { get; private set; }

    public Guid CustomerId { get; private set; }

    public string? ProductCode { get; private set; }

    public string? ProductLineCode { get; private set; }

    public string ServiceLevelCode { get; private set; }

    public string Summary { get; private set; }

    public string Description { get; private set; }

    public Impact Impact { get; private set; }

    public Urgency Urgency { get; private set; }

    public Priority Priority { get; private set; }

    public Channel Channel { get; private set; }

    public TicketContact Contact { get; private set; }

    public string? ExternalReference { get; private set; }

    public TicketStatus Status { get; private set; }

    public string AssignmentGroup { get; private set; }

    public string? Assignee { get; private set; }

    public int EscalationLevel { get; private set; }

    public string? HoldReason { get; private set; }

    public string? ResolutionCode { get; private set; }

    public string? ResolutionNotes { get; private set; }

    public int ReopenCount { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When a resolved ticket closes itself; null unless resolved.</summary>
    public DateTimeOffset? AutoCloseAt { get; private set; }

    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>The problem this incident is linked to, if any.</summary>
    public string? ProblemNumber { get; private set; }

    /// <summary>The linked problem's workaround, shown on the incident (kept in step by the problem).</summary>
    public string? Workaround { get; private set; }

    /// <summary>The change that caused this incident, if one did.</summary>
    public string? CausedByChange { get; private set; }

    public long CommentCount { get; private set; }

    /// <summary>The customer's satisfaction rating, once given (null until then).</summary>
    public SatisfactionRating? Satisfaction { get; private set; }

    public bool IsOpen => Status is not (TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Cancelled);

    public IReadOnlyList<DomainEvent> DomainEvents => _events;

    /// <summary>Comments added since the ticket was loaded (persisted with it).</summary>
    public IReadOnlyList<TicketComment> NewComments => _newComments;

    protected override IEnumerable<object> NewRows => [.. base.NewRows, .. _newComments];

    public void ClearDomainEvents() => _events.Clear();

    protected override void NewRowsSaved()
    {
        base.NewRowsSaved();
        _newComments.Clear();
    }

    /// <summary>The desk accepts a ticket: priority from the matrix, clocks started, routed to a group.</summary>
    public static Ticket Open(NewTicket newTicket, DateTimeOffset openedAt, SlaContext sla, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(newTicket);
        ArgumentNullException.ThrowIfNull(sla);
        ArgumentNullException.ThrowIfNull(actor);
        if (newTicket.Kind == TicketKind.Change)
            throw new ArgumentOutOfRangeException(nameof(newTicket), "Changes are not tickets of the desk's incident/request kind.");

        var ticket = new Ticket(Guid.CreateVersion7(openedAt), newTicket, openedAt, sla);
        ticket.Record(openedAt, actor, "created", "status", null, TicketStatus.New.ToString());
        ticket._events.Add(new TicketCreated(ticket.Number, openedAt, ticket.Kind, ticket.Priority, ticket.CustomerId, ticket.AssignmentGroup));
        return ticket;
    }

    /// <summary>Complaints are P3 unless impact and urgency say more; everything else follows the matrix.</summary>
    public static Priority DerivePriority(TicketCategory category, Impact impact, Urgency urgency)
    {
        var derived = PriorityMatrix.Derive(impact, urgency);
        return category == TicketCategory.Complaint && derived > Priority.P3 ? Priority.P3 : derived;
    }

    public void Assign(string group, string? assignee, Actor actor, DateTimeOffset now)
    {
        EnsureOpen("assign");
        var newGroup = Guard.Required(group, "group", Domain.ServiceDesk.AssignmentGroup.NameMaxLength);
        var newAssignee = Guard.Optional(assignee, "assignee", AssigneeMaxLength);
        ChangeAssignment(newGroup, newAssignee, actor, now);
        if (Status == TicketStatus.New)
            ChangeStatus(TicketStatus.Assigned, actor, now);
        Touched(now);
    }

    /// <summary>Work starts: the first move to InProgress with a person on it acknowledges the ticket.</summary>
    public void Start(Actor actor, DateTimeOffset now, SlaContext sla)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(sla);
        if (Status != TicketStatus.Assigned)
            throw DomainException.IllegalTransition(KindName, Status, "start work on");
        if (Assignee is null)
            ChangeAssignment(AssignmentGroup, actor.Name, actor, now);
        ChangeStatus(TicketStatus.InProgress, actor, now);
        Acknowledge(now, sla);
        Touched(now);
    }

    public void Hold(string reason, Actor actor, DateTimeOffset now, SlaContext sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (Status != TicketStatus.InProgress)
            throw DomainException.IllegalTransition(KindName, Status, "put on hold");
        HoldReason = Guard.Required(reason, "reason", ReasonMaxLength);
        ChangeStatus(TicketStatus.OnHold, actor, now, HoldReason);
        PauseClock(Resolution, now, sla);
        Touched(now);
    }

    public void Resume(Actor actor, DateTimeOffset now, SlaContext sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (Status != TicketStatus.OnHold)
            throw DomainException.IllegalTransition(KindName, Status, "resume");
        HoldReason = null;
        ChangeStatus(TicketStatus.InProgress, actor, now);
        Resolution.Resume(now, sla.ResolutionSchedule);
        Touched(now);
    }

    public void Resolve(string resolutionCode, string notes, Actor actor, DateTimeOffset now, SlaContext sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (Status != TicketStatus.InProgress)
            throw DomainException.IllegalTransition(KindName, Status, "resolve");
        ResolutionCode = Guard.Required(resolutionCode, "resolutionCode", ResolutionCodeMaxLength);
        ResolutionNotes = Guard.Required(notes, "notes", ReasonMaxLength);
        ChangeStatus(TicketStatus.Resolved, actor, now, $"{ResolutionCode}: {ResolutionNotes}");
        StopClock(Resolution, now, sla);
        RecordResolved(now, sla);
        ResolvedAt = now;
        AutoCloseAt = now + AutoCloseAfter;
        _events.Add(new TicketResolved(Number, now, ResolutionCode));
        Touched(now);
    }

    /// <summary>The customer confirms the resolution (or the auto-close does).</summary>
    public void Close(Actor actor, DateTimeOffset now)
    {
        if (Status != TicketStatus.Resolved)
            throw DomainException.IllegalTransition(KindName, Status, "close");
        ChangeStatus(TicketStatus.Closed, actor, now);
        ClosedAt = now;
        AutoCloseAt = null;
        Touched(now);
    }

    /// <summary>The customer says it is not fixed: back to work, the resolution clock continues where it stopped.</summary>
    public void Reopen(string reason, Actor actor, DateTimeOffset now, SlaContext sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (Status != TicketStatus.Resolved)
            throw DomainException.IllegalTransition(KindName, Status, "reopen");
        var why = Guard.Required(reason, "reason", ReasonMaxLength);
        ReopenCount++;
        LastReopenedAt = now;
        ChangeStatus(TicketStatus.InProgress, actor, now, why);
        ResolvedAt = null;
        AutoCloseAt = null;
        ResolutionCode = null;
        ResolutionNotes = null;
        Resolution.Restart(now, sla.ResolutionSchedule);
        Touched(now);
    }

    public void Cancel(string reason, Actor actor, DateTimeOffset now, SlaContext sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (!IsOpen)
            throw DomainException.IllegalTransition(KindName, Status, "cancel");
        var why = Guard.Required(reason, "reason", ReasonMaxLength);
        ChangeStatus(TicketStatus.Cancelled, actor, now, why);
        CancelClock(Response, now, sla);
        CancelClock(Resolution, now, sla);
        ClosedAt = now;
        Touched(now);
    }

    /// <summary>Functional (to another group) and/or hierarchical (a higher support level) escalation.</summary>
    public void Escalate(int? level, string? group, string reason, Actor actor, DateTimeOffset now)
    {
        EnsureOpen("escalate");
        var why = Guard.Required(reason, "reason", ReasonMaxLength);
        if (level is null && string.IsNullOrWhiteSpace(group))
            throw DomainException.Invalid("level", "Name a higher 'level' (hierarchical) or another 'group' (functional) to escalate to.");
        if (level is { } newLevel)
        {
            if (newLevel <= EscalationLevel || newLevel > MaxEscalationLevel)
                throw DomainException.Invalid("level", $"'level' must be above the current level {EscalationLevel} and at most {MaxEscalationLevel}.");
            Record(now, actor, "escalated", "escalationLevel", EscalationLevel.ToString(System.Globalization.CultureInfo.InvariantCulture), newLevel.ToString(System.Globalization.CultureInfo.InvariantCulture), why);
            EscalationLevel = newLevel;
        }

        if (!string.IsNullOrWhiteSpace(group))
            ChangeAssignment(Guard.Required(group, "group", Domain.ServiceDesk.AssignmentGroup.NameMaxLength), null, actor, now);
        RaiseUpdated(now, "escalated");
        Touched(now);
    }

    /// <summary>Edits; a new impact or urgency re-derives the priority and re-targets both clocks.</summary>
    public void UpdateDetails(string summary, string description, Impact impact, Urgency urgency, TicketCategory category, Actor actor, DateTimeOffset now, SlaContext sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        EnsureNotFinal("edit");
        SetField("summary", Summary, Guard.Required(summary, "summary", SummaryMaxLength), v => Summary = v, actor, now);
        SetField("description", Description, Guard.Required(description, "description", DescriptionMaxLength), v => Description = v, actor, now);
        SetField("impact", Impact, impact, v => Impact = v, actor, now);
        SetField("urgency", Urgency, urgency, v => Urgency = v, actor, now);
        SetField("category", Category, category, v => Category = v, actor, now);

        var priority = DerivePriority(Category, Impact, Urgency);
        if (priority != Priority)
        {
            Record(now, actor, "priority", "priority", Priority.ToString(), priority.ToString());
            Priority = priority;
            RetargetClocks(sla);
            RaiseUpdated(now, "priority");
        }

        Touched(now);
    }

    /// <summary>A public reply or an internal work note; a closed or cancelled ticket takes no more comments.</summary>
    public TicketComment AddComment(string body, CommentVisibility visibility, Actor actor, DateTimeOffset now, SlaContext sla)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(sla);
        EnsureNotFinal("comment on");
        if (actor.IsCustomer && visibility == CommentVisibility.Internal)
            throw new DomainException(RuleNames.ForbiddenVisibility, "Customers can only write public comments.", DomainErrorKind.Unprocessable, "visibility");
        var comment = new TicketComment(Id, ++CommentCount, now, actor.Name, Guard.Required(body, "body", TicketComment.BodyMaxLength), visibility);
        _newComments.Add(comment);
        Record(now, actor, "comment", "comments", null, visibility == CommentVisibility.Public ? "public" : "internal", visibility == CommentVisibility.Internal);

        // The first public reply from the provider to the customer is a first response.
        if (!actor.IsCustomer && visibility == CommentVisibility.Public && IsOpen)
            Acknowledge(now, sla);
        Touched(now);
        return comment;
    }

    /// <summary>Links the incident to the problem behind it; the incident shows the problem's workaround from then on.</summary>
    public void LinkToProblem(string problemNumber, string? workaround, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ProblemNumber == problemNumber)
            throw new DomainException(RuleNames.AlreadyLinked, $"{Number} is already linked to problem {problemNumber}.", DomainErrorKind.Conflict, "incidentNumber");
        if (ProblemNumber is not null)
            throw new DomainException(RuleNames.IncidentAlreadyLinked, $"{Number} is linked to problem {ProblemNumber}; unlink it there first.", DomainErrorKind.Conflict, "incidentNumber");
        Record(now, actor, "linked", "problemNumber", null, problemNumber);
        ProblemNumber = problemNumber;
        Workaround = workaround;
        RaiseUpdated(now, "problem");
        Touched(now);
    }

    public void UnlinkFromProblem(Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ProblemNumber is null)
            throw DomainException.NotLinked($"{Number} is not linked to a problem.");
        Record(now, actor, "unlinked", "problemNumber", ProblemNumber, null);
        ProblemNumber = null;
        Workaround = null;
        RaiseUpdated(now, "problem");
        Touched(now);
    }

    /// <summary>The linked problem's workaround was recorded or corrected.</summary>
    public void ShowWorkaround(string? workaround, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ProblemNumber is null || Workaround == workaround)
            return;
        Record(now, actor, "workaround", "workaround", Workaround, workaround);
        Workaround = workaround;
        RaiseUpdated(now, "workaround");
        Touched(now);
    }

    /// <summary>Names the change that caused the incident, or clears it (null).</summary>
    public void RecordCausingChange(string? changeNumber, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (CausedByChange == changeNumber)
            return;
        Record(now, actor, "caused-by", "causedByChange", CausedByChange, changeNumber);
        CausedByChange = changeNumber;
        RaiseUpdated(now, "causedByChange");
        Touched(now);
    }

    /// <summary>The customer rates the resolution, once, when the ticket is resolved or closed (domain.md section 8).</summary>
    public SatisfactionRating Rate(SatisfactionValues values, string? comment, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status is not (TicketStatus.Resolved or TicketStatus.Closed))
            throw DomainException.NotResolved($"Cannot rate {KindName} {Number} that is {Status}: a ticket is rated once it is resolved.");
        if (Satisfaction is not null)
            throw DomainException.AlreadyRated($"The {KindName} {Number} has already been rated.");
        var rating = SatisfactionRating.Create(values, comment, actor, now);
        Satisfaction = rating;
        Record(now, actor, "rated", "satisfaction", null, rating.Overall.ToString(System.Globalization.CultureInfo.InvariantCulture));
        LastChangedAt = now;
        return rating;
    }

    private string KindName => Kind == TicketKind.Incident ? "incident" : "service request";

    private void EnsureOpen(string action)
    {
        if (!IsOpen)
            throw DomainException.IllegalTransition(KindName, Status, action);
    }

    private void EnsureNotFinal(string action)
    {
        if (Status is TicketStatus.Closed or TicketStatus.Cancelled)
            throw DomainException.IllegalTransition(KindName, Status, action);
    }

    private void ChangeStatus(TicketStatus status, Actor actor, DateTimeOffset now, string? note = null)
    {
        Record(now, actor, "status", "status", Status.ToString(), status.ToString(), note);
        Status = status;
        RaiseUpdated(now, "status");
    }

    private void ChangeAssignment(string group, string? assignee, Actor actor, DateTimeOffset now)
    {
        if (group != AssignmentGroup)
        {
            Record(now, actor, "assignment", "assignmentGroup", AssignmentGroup, group);
            AssignmentGroup = group;
        }

        if (assignee != Assignee)
        {
            Record(now, actor, "assignment", "assignee", Assignee, assignee);
            Assignee = assignee;
        }

        RaiseUpdated(now, "assignment");
    }

    private void SetField<T>(string field, T current, T value, Action<T> set, Actor actor, DateTimeOffset now)
    {
        if (EqualityComparer<T>.Default.Equals(current, value))
            return;
        Record(now, actor, "updated", field, current?.ToString(), value?.ToString());
        set(value);
        RaiseUpdated(now, field);
    }

    private void Record(DateTimeOffset at, Actor actor, string action, string? field, string? oldValue, string? newValue, string? note) =>
        Record(sequence => new TicketHistoryEntry(Id, sequence, at, actor.Name, action, field, oldValue, newValue, isInternal: false, note));

    private void Record(DateTimeOffset at, Actor actor, string action, string? field, string? oldValue, string? newValue, bool isInternal = false) =>
        Record(sequence => new TicketHistoryEntry(Id, sequence, at, actor.Name, action, field, oldValue, newValue, isInternal));

    /// <summary>One ticket.updated per change set: the fields that changed are listed in it.</summary>
    private void RaiseUpdated(DateTimeOffset at, string what)
    {
        var pending = _events.FindIndex(e => e is TicketUpdated);
        if (pending >= 0)
            _events[pending] = ((TicketUpdated)_events[pending]).Including(what);
        else
            _events.Add(new TicketUpdated(Number, at, [what], Status: null));
    }

    /// <summary>Every change stamps the ticket (so its version moves) and refreshes what the queue and monitor read.</summary>
    private void Touched(DateTimeOffset now)
    {
        LastChangedAt = now;
        UpdateQueueKeys();
        var pending = _events.FindIndex(e => e is TicketUpdated);
        if (pending >= 0)
            _events[pending] = (TicketUpdated)_events[pending] with { Status = Status };
    }
}
