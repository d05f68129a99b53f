namespace ServiceDesk.Domain.ServiceDesk;

/// <summary>What a caller raises at the desk (wire spelling: lower camel case).</summary>
public enum IntakeType
{
    Incident,
    ServiceRequest,
    Inquiry,
    ChangeRequest,
    Complaint,
}
