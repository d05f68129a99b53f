using Mediator;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Customers.Commands;
using ServiceDesk.Application.Customers.Queries;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Api.Customers;

/// <summary>
/// Customers, their agreements and entitlements: Admin writes; Agent, Manager and Admin read every customer; a Customer
/// caller reads only its own (another customer's id is a 404, exactly as if it did not exist).
/// </summary>
public static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomerEndpoints(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers").RequireAuthorization(Policies.StaffOrCustomer);

        customers.MapGet("/", async (string? active, string? q, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListCustomersQuery(QueryValues.Boolean(active, "active"), q, new PageRequest(limit, cursor)), ct)))
            .WithName("ListCustomers").WithSummary("List customers by code (filters: active, q over code and name); a Customer caller sees only its own");

        customers.MapGet("/{id:guid}", async (Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetCustomerQuery(id), ct)))
            .WithName("GetCustomer").WithSummary("Get a customer with its contacts")
            .ProducesProblem(StatusCodes.Status404NotFound);

        customers.MapPost("/", async (CreateCustomerCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var customer = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/customers/{customer.Id}", customer);
            })
            .RequireAuthorization(Policies.Admin)
            .Idempotent()
            .ProducesProblemTypes(RuleNames.Duplicate)
            .WithName("CreateCustomer").WithSummary("Create a customer (Admin)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        customers.MapPut("/{id:guid}", async (Guid id, CustomerBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new UpdateCustomerCommand(id, body, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ReplaceCustomer").WithSummary("Replace a customer's name and contacts, and (de)activate it (Admin); the code never changes")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        customers.MapGet("/{id:guid}/agreements", async (Guid id, string? status, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListAgreementsQuery(id, QueryValues.Enum<AgreementStatus>(status, "status"), new PageRequest(limit, cursor)), ct)))
            .WithName("ListAgreements").WithSummary("List a customer's agreements by start of validity (filter: status as of now)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        customers.MapGet("/{id:guid}/agreements/{agreementId:guid}", async (Guid id, Guid agreementId, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetAgreementQuery(id, agreementId), ct)))
            .WithName("GetAgreement").WithSummary("Get one of a customer's agreements (its status as of now)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        customers.MapPost("/{id:guid}/agreements", async (Guid id, AgreementBody body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var agreement = await sender.Send(new CreateAgreementCommand(id, body), ct);
                return HttpResults.Created(http, $"/api/v1/customers/{id}/agreements/{agreement.Id}", agreement);
            })
            .RequireAuthorization(Policies.Admin)
            .Idempotent()
            .ProducesProblemTypes(RuleNames.CustomerInactive, RuleNames.ServiceLevelRetired, RuleNames.ProductRetired)
            .WithName("CreateAgreement").WithSummary("Give a customer an agreement (Admin): a level for a product line or a list of products; retired levels and products are refused (422)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        customers.MapPut("/{id:guid}/agreements/{agreementId:guid}", async (Guid id, Guid agreementId, AgreementBody body, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new UpdateAgreementCommand(id, agreementId, body, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .ProducesProblemTypes(RuleNames.IllegalTransition, RuleNames.ServiceLevelRetired, RuleNames.ProductRetired)
            .WithName("ReplaceAgreement").WithSummary("Replace an agreement's level, coverage and validity (Admin); what it gains must not be retired; a cancelled one cannot change (409)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        customers.MapPost("/{id:guid}/agreements/{agreementId:guid}/cancel", async (Guid id, Guid agreementId, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new CancelAgreementCommand(id, agreementId, http.Request.IfMatch()), ct)))
            .RequireAuthorization(Policies.Admin)
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("CancelAgreement").WithSummary("Cancel an Active or Future agreement at once (Admin); it grants nothing from now on")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);

        customers.MapGet("/{id:guid}/entitlements", async (Guid id, string? product, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetEntitlementQuery(id, string.IsNullOrWhiteSpace(product) ? null : product), ct)))
            .WithName("GetEntitlement").WithSummary("Which service level applies now to the customer's tickets on a product (no product: its default level), or why none does")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
