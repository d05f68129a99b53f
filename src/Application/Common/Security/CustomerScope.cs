using ServiceDesk.Application.Common.Exceptions;

namespace ServiceDesk.Application.Common.Security;

/// <summary>domain.md section 9: a customer user reaching another customer's data gets 404, exactly as if it did not exist.</summary>
public static class CustomerScope
{
    /// <exception cref="NotFoundException">A customer-only caller asks about a customer that is not its own.</exception>
    public static void EnsureCanSee(this ICurrentUser user, Guid customerId)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsCustomerOnly && user.CustomerId != customerId)
            throw new NotFoundException("Customer", customerId);
    }
}
