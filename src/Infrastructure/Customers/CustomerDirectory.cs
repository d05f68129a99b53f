using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Infrastructure.Customers;

internal sealed class CustomerDirectory(ServiceDeskDbContext db) : ICustomerDirectory
{
    public Task<bool> ExistsAsync(Guid customerId, CancellationToken cancellationToken) =>
        db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken);
}
