using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.Integrations;

namespace ServiceDesk.Application.Integrations.Commands;

/// <summary>The writable fields of a subscription (PATCH merges into them).</summary>
/// <param name="Url" example="https://hooks.example.com/servicedesk">An http or https URL on a public address.</param>
/// <param name="Events">The event types delivered.</param>
/// <param name="Active">False switches deliveries off; true switches them back on (clearing the deactivation reason).</param>
public sealed record WebhookBody(string? Url, IReadOnlyList<string>? Events, bool? Active);

/// <summary>Replaces a subscription's URL, events and active flag (PATCH, after the merge).</summary>
public sealed record UpdateWebhookCommand(string Id, string? IfMatch, WebhookBody Body) : ICommand<WebhookResponse>;

public sealed class UpdateWebhookCommandValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookCommandValidator()
    {
        RuleFor(c => c.Body.Url).NotEmpty().MaximumLength(WebhookSubscription.UrlMaxLength).OverridePropertyName("url");
        RuleFor(c => c.Body.Events).NotEmpty().OverridePropertyName("events");
        RuleFor(c => c.Body.Events)
            .Must(events => events!.All(WebhookEvents.IsKnown))
            .When(c => c.Body.Events is not null)
            .OverridePropertyName("events")
            .WithMessage($"Each event must be one of {string.Join(", ", WebhookEvents.All)}.");
        RuleFor(c => c.Body.Active).NotNull().OverridePropertyName("active");
    }
}

internal sealed class UpdateWebhookHandler(IServiceDeskDbContext db, TimeProvider clock, IWebhookTargets targets) : ICommandHandler<UpdateWebhookCommand, WebhookResponse>
{
    public async ValueTask<WebhookResponse> Handle(UpdateWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.LoadWebhookForUpdateAsync(command.Id, command.IfMatch, cancellationToken);
        var body = command.Body;
        if (!string.Equals(body.Url, subscription.Url, StringComparison.Ordinal))
            await targets.CheckTargetAsync(body.Url, cancellationToken);
        subscription.Update(body.Url!, body.Events!, body.Active!.Value, targets.AllowPrivateTargets, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return subscription.ToResponse();
    }
}
