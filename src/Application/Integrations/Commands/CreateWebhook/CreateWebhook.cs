using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Integrations;

namespace ServiceDesk.Application.Integrations.Commands;

/// <summary>Body of <c>POST /webhooks</c>.</summary>
/// <param name="Url" example="https://hooks.example.com/servicedesk">An http or https URL on a public address.</param>
/// <param name="Events">Event types: ticket.created, ticket.updated, ticket.resolved, sla.warning, sla.breached, change.approved, change.scheduled, problem.updated, knowledge.published.</param>
/// <param name="CustomerId">Only this customer's events (events about no customer still come).</param>
public sealed record CreateWebhookCommand(string? Url, IReadOnlyList<string>? Events, Guid? CustomerId) : ICommand<CreatedWebhookResponse>;

public sealed class CreateWebhookCommandValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookCommandValidator()
    {
        RuleFor(c => c.Url).NotEmpty().MaximumLength(WebhookSubscription.UrlMaxLength);
        RuleFor(c => c.Events).NotEmpty();
        RuleFor(c => c.Events)
            .Must(events => events!.All(WebhookEvents.IsKnown))
            .When(c => c.Events is not null)
            .WithMessage($"Each event must be one of {string.Join(", ", WebhookEvents.All)}.");
    }
}

internal sealed class CreateWebhookHandler(IServiceDeskDbContext db, TimeProvider clock, ICustomerDirectory customers, IWebhookTargets targets)
    : ICommandHandler<CreateWebhookCommand, CreatedWebhookResponse>
{
    public async ValueTask<CreatedWebhookResponse> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        if (command.CustomerId is { } customerId && !await customers.ExistsAsync(customerId, cancellationToken))
            throw new RequestValidationException("customerId", $"Customer '{customerId}' does not exist.");
        await targets.CheckTargetAsync(command.Url, cancellationToken);

        var (subscription, secret) = WebhookSubscription.Subscribe(command.Url!, command.Events!, command.CustomerId, targets.AllowPrivateTargets, clock.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedWebhookResponse(subscription.Id, subscription.Url, subscription.Events, subscription.CustomerId, subscription.Active, secret)
        {
            Version = subscription.Version,
        };
    }
}
