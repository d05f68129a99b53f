using ServiceDesk.Application.Common.Security;

namespace ServiceDesk.Api.Common.Security;

/// <summary>Named authorization policies: which roles may call a group of routes.</summary>
public static class Policies
{
    /// <summary>Any authenticated caller (the fallback for every route).</summary>
    public const string Authenticated = nameof(Authenticated);

    public const string Admin = nameof(Admin);

    /// <summary>Staff who work tickets: Agent, Manager (Admin included for operations).</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Staff or a Customer caller (scoped to its own customer by the handlers).</summary>
    public const string StaffOrCustomer = nameof(StaffOrCustomer);

    public const string Manager = nameof(Manager);

    /// <summary>A Customer caller only (what only the customer does, e.g. rating a resolved ticket); staff get 403.</summary>
    public const string Customer = nameof(Customer);

    public const string ChangeApprover = nameof(ChangeApprover);

    /// <summary>Reports and SLA lists: Manager and Admin see everything, a Customer caller its own figures; Agents get 403.</summary>
    public const string ReportReader = nameof(ReportReader);

    /// <summary>Everyone who reads changes and freeze periods: Agent, Manager, ChangeApprover (Admin included for operations).</summary>
    public const string ChangeReader = nameof(ChangeReader);

    /// <summary>Change readers, or a Customer caller reading its own customer's changes (scoped by the handlers).</summary>
    public const string ChangeReaderOrCustomer = nameof(ChangeReaderOrCustomer);

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Admin] = [Roles.Admin],
        [Staff] = [Roles.Agent, Roles.Manager, Roles.Admin],
        [StaffOrCustomer] = [Roles.Agent, Roles.Manager, Roles.Admin, Roles.Customer],
        [Manager] = [Roles.Manager, Roles.Admin],
        [Customer] = [Roles.Customer],
        [ChangeApprover] = [Roles.ChangeApprover],
        [ReportReader] = [Roles.Manager, Roles.Admin, Roles.Customer],
        [ChangeReader] = [Roles.Agent, Roles.Manager, Roles.ChangeApprover, Roles.Admin],
        [ChangeReaderOrCustomer] = [Roles.Agent, Roles.Manager, Roles.ChangeApprover, Roles.Admin, Roles.Customer],
    };
}
