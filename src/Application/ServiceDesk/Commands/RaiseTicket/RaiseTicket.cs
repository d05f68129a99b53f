using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Observability;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Customers;
using ServiceDesk.Application.Customers.Commands;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Changes;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Customers;
using ServiceDesk.Domain.Incidents;
using ServiceDesk.Domain.ServiceDesk;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceDesk.Commands;

/// <summary>Body of <c>POST /service-desk/tickets</c>: everything raised at the desk comes in here.</summary>
/// <param name="Type" example="incident">incident, serviceRequest, inquiry, changeRequest or complaint.</param>
/// <param name="CustomerId">The customer it is for (a Customer key: its own).</param>
/// <param name="ProductCode" example="OPS-INF-01">The product concerned; optional (no product goes to Service Desk triage).</param>
/// <param name="Summary" example="Core switch in building B is down">One line.</param>
/// <param name="Description" example="No network on floors 3-5 since 08:40.">What happened or what is wanted.</param>
/// <param name="Impact" example="High">High, Medium or Low.</param>
/// <param name="Urgency" example="Medium">High, Medium or Low.</param>
/// <param name="Channel" example="portal">portal, email, phone, api, monitoring or chat.</param>
/// <param name="Contact">Who to talk to.</param>
/// <param name="ExternalReference" example="ACME-7781">The caller's own reference, to find the ticket again.</param>
public sealed record RaiseTicketCommand(
    IntakeType? Type,
    Guid? CustomerId,
    string? ProductCode,
    string? Summary,
    string? Description,
    Impact? Impact,
    Urgency? Urgency,
    Channel? Channel,
    ContactBody? Contact,
    string? ExternalReference) : ICommand<IntakeResponse>;

public sealed class RaiseTicketCommandValidator : AbstractValidator<RaiseTicketCommand>
{
    public RaiseTicketCommandValidator()
    {
        RuleFor(c => c.Type).NotNull().IsDefinedEnum();
        RuleFor(c => c.CustomerId).NotNull().NotEqual(Guid.Empty);
        RuleFor(c => c.ProductCode).MaximumLength(Guard.MaxCodeLength);
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(Ticket.SummaryMaxLength);
        RuleFor(c => c.Description).NotEmpty().MaximumLength(Ticket.DescriptionMaxLength);
        RuleFor(c => c.Impact).NotNull().IsDefinedEnum();
        RuleFor(c => c.Urgency).NotNull().IsDefinedEnum();
        RuleFor(c => c.Channel).NotNull().IsDefinedEnum();
        RuleFor(c => c.Contact).NotNull();
        RuleFor(c => c.Contact!.Name).NotEmpty().MaximumLength(TicketContact.NameMaxLength).When(c => c.Contact is not null);
        RuleFor(c => c.Contact!.Email).MaximumLength(TicketContact.EmailMaxLength).EmailAddress().When(c => c.Contact?.Email is not null);
        RuleFor(c => c.Contact!.Phone).MaximumLength(TicketContact.PhoneMaxLength).When(c => c.Contact is not null);
        RuleFor(c => c.ExternalReference).MaximumLength(DeskRecord.ExternalReferenceMaxLength);
        RuleFor(c => c.ProductCode).NotEmpty().When(c => c.Type == IntakeType.ServiceRequest)
            .WithMessage("'productCode' is required for a service request: name the catalog product ordered.");
    }
}

/// <summary>
/// The single intake: checks who may raise for whom, entitlement and the product, derives the priority, numbers
/// the record, routes it and starts its clocks, all in one save.
/// </summary>
internal sealed class RaiseTicketHandler(
    IServiceDeskDbContext db,
    ICurrentUser user,
    IEntitlementResolver entitlements,
    IProductLookup products,
    ISlaContexts slaContexts,
    IAssignmentGroups groups,
    ITicketNumbers numbers,
    ServiceDeskMetrics metrics,
    TimeProvider clock) : ICommandHandler<RaiseTicketCommand, IntakeResponse>
{
    public async ValueTask<IntakeResponse> Handle(RaiseTicketCommand command, CancellationToken cancellationToken)
    {
        var customerId = command.CustomerId!.Value;
        if (user.IsCustomerOnly && user.CustomerId != customerId)
            throw new NotFoundException("Customer", customerId);

        var now = clock.GetUtcNow();
        var type = command.Type!.Value;
        var product = await FindProductAsync(command.ProductCode, type, cancellationToken);

        var entitlement = await entitlements.ResolveAsync(customerId, product?.Code, now, cancellationToken);
        if (!entitlement.Entitled)
        {
            if (entitlement.Outcome == EntitlementOutcome.CustomerNotFound)
                throw new RequestValidationException("customerId", $"Customer '{customerId}' does not exist.");
            throw new DomainException(RuleNames.NotEntitled, entitlement.Reason, DomainErrorKind.Unprocessable, product is null ? "customerId" : "productCode");
        }

        var contact = new TicketContact(command.Contact!.Name!.Trim(), command.Contact.Email, command.Contact.Phone);
        var actor = user.ToActor();

        if (type == IntakeType.ChangeRequest)
        {
            var change = Change.Open(await numbers.NextAsync(TicketKind.Change, cancellationToken), customerId, product?.Code, command.Summary!, command.Description!,
                command.Channel!.Value, command.ExternalReference, actor, now);
            db.Changes.Add(change);
            await db.SaveChangesAsync(cancellationToken);
            metrics.TicketRaised(TicketKind.Change, null);
            return new IntakeResponse(change.Number, TicketKind.Change, null, entitlement.ServiceLevelCode, null, change.Status.ToString(), null, null,
                TicketLinks.For(change.Number, TicketKind.Change)) { Version = change.Version };
        }

        var (kind, category) = type switch
        {
            IntakeType.Incident => (TicketKind.Incident, TicketCategory.Incident),
            IntakeType.Complaint => (TicketKind.Incident, TicketCategory.Complaint),
            IntakeType.ServiceRequest => (TicketKind.ServiceRequest, TicketCategory.Request),
            _ => (TicketKind.ServiceRequest, TicketCategory.Inquiry),
        };
        var sla = await slaContexts.GetAsync(entitlement.ServiceLevelCode!, cancellationToken);
        var group = AssignmentGroup.RouteFor(product?.SeriesCode, await groups.AllAsync(cancellationToken));
        var number = await numbers.NextAsync(kind, cancellationToken);

        var ticket = Ticket.Open(
            new NewTicket(number, kind, category, customerId, product?.Code, product?.LineCode, command.Summary!, command.Description!,
                command.Impact!.Value, command.Urgency!.Value, command.Channel!.Value, contact, command.ExternalReference, group),
            now, sla, actor);
        await db.InsertNewAsync(ticket, cancellationToken);
        metrics.TicketRaised(ticket.Kind, ticket.Priority);

        return new IntakeResponse(ticket.Number, ticket.Kind, ticket.Priority, ticket.ServiceLevelCode, ticket.AssignmentGroup, ticket.Status.ToString(),
            ticket.Response.DueAt, ticket.Resolution.DueAt, TicketLinks.For(ticket.Number, ticket.Kind)) { Version = ticket.Version };
    }

    private async Task<ProductSnapshot?> FindProductAsync(string? productCode, IntakeType type, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(productCode))
            return null;
        var product = await products.FindAsync(productCode, cancellationToken)
            ?? throw new RequestValidationException("productCode", $"Product '{productCode}' does not exist.");
        if (product.IsRetired)
            throw DomainException.ProductRetired($"Product {product.Code} is retired and cannot be used for new tickets.", "productCode");
        if (type == IntakeType.ServiceRequest && product.Kind == ProductKind.Support)
            throw new DomainException(RuleNames.NotRequestable, $"Product {product.Code} is a support product: raise an incident for it; service requests order products of kind request or recurring.", DomainErrorKind.Unprocessable, "productCode");
        return product;
    }
}
