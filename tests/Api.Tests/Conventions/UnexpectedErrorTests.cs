using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Api.Tests.Infrastructure;
using ServiceDesk.Infrastructure.Persistence;

namespace ServiceDesk.Api.Tests.Conventions;

/// <summary>
/// The 500 path, reached without any test-only code in the service: the test breaks this host's own database
/// underneath it (drops the products table), so the next product read fails inside EF Core.
/// </summary>
public sealed class UnexpectedErrorTests(ServiceDeskApiFactory factory) : IClassFixture<ServiceDeskApiFactory>
{
    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_with_a_traceId_and_no_details()
    {
        using var client = factory.CreateAdminClient();
        await (await client.GetAsync("/api/v1/catalog/products/OPS-SD-01")).ReadJsonAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
            // PostgreSQL refuses to drop a table others reference unless told to drop their constraints too.
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "DROP TABLE \"Products\" CASCADE" : "DROP TABLE \"Products\"");
        }

        var response = await client.GetAsync("/api/v1/catalog/products/OPS-SD-01");

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError, typeEndsWith: "/internal");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        var body = problem.ToString();
        Assert.DoesNotContain("Products", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
