namespace ServiceDesk.Application.Common.Interfaces;

/// <summary>Whether a customer exists: lets features that only reference customers stay independent of the customer feature.</summary>
public interface ICustomerDirectory
{
    Task<bool> ExistsAsync(Guid customerId, CancellationToken cancellationToken);
}
