using Mediator;
using ServiceDesk.Api.Common;
using ServiceDesk.Api.Common.Security;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Integrations;
using ServiceDesk.Application.Integrations.Commands;
using ServiceDesk.Application.Integrations.Queries;
using ServiceDesk.Domain.Integrations;
using ServiceDesk.Domain.Common;

namespace ServiceDesk.Api.Integrations;

/// <summary>Webhook subscriptions (Admin): signed deliveries of desk events, their deliveries, retries and pings.</summary>
public static class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Integrations").RequireAuthorization(Policies.Admin);

        webhooks.MapGet("/", async (int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListWebhooksQuery(new PageRequest(limit, cursor)), ct)))
            .WithName("ListWebhooks").WithSummary("List webhook subscriptions, oldest first (never their secrets)");

        webhooks.MapPost("/", async (CreateWebhookCommand body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var webhook = await sender.Send(body, ct);
                return HttpResults.Created(http, $"/api/v1/webhooks/{webhook.Id}", webhook);
            })
            .Idempotent()
            .ProducesProblemTypes(RuleNames.PrivateTarget)
            .WithName("CreateWebhook")
            .WithSummary("Subscribe a URL to events; the signing secret is in this response only")
            .WithDescription("The URL must be http or https and reach a public address (checked now and at every delivery) unless "
                + "Webhooks:AllowPrivateTargets is set. Send Idempotency-Key to make retries safe.")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        webhooks.MapGet("/{id}", async (string id, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Resource(http, await sender.Send(new GetWebhookQuery(id), ct)))
            .WithName("GetWebhook").WithSummary("One subscription (never its secret), with why it is inactive if it is")
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapMergePatch<WebhookResponse, WebhookBody>("/{id}",
                id => new GetWebhookQuery(id), (id, body, ifMatch) => new UpdateWebhookCommand(id, ifMatch, body))
            .ProducesProblemTypes(RuleNames.PrivateTarget)
            .WithName("PatchWebhook").WithSummary("Change the URL, the events, or switch it off and on (merge patch: url, events, active)");

        webhooks.MapDelete("/{id}", async (string id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                await sender.Send(new DeleteWebhookCommand(id, http.Request.IfMatch()), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteWebhook").WithSummary("Delete a subscription and its deliveries")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);

        webhooks.MapPost("/{id}/rotate-secret", async (string id, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new RotateWebhookSecretCommand(id, http.Request.IfMatch()), ct)))
            .WithName("RotateWebhookSecret")
            .WithSummary("A new signing secret, shown in this response only; the old one keeps signing (a second signature) for 24 hours")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);

        webhooks.MapPost("/{id}/ping", async (string id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new PingWebhookCommand(id), ct);
                return TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries");
            })
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("PingWebhook").WithSummary("Send a 'ping' event to this subscription, to test its receiver (see its deliveries)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        webhooks.MapGet("/{id}/deliveries", async (string id, string? status, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListWebhookDeliveriesQuery(id, QueryValues.Enum<WebhookDeliveryStatus>(status, "status"), new PageRequest(limit, cursor)), ct)))
            .WithName("ListWebhookDeliveries")
            .WithSummary("Deliveries, newest event first (status: Pending, Delivered, Failed): attempts, last status code and error, next attempt")
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapPost("/{id}/deliveries/{deliveryId:guid}/retry", async (string id, Guid deliveryId, ISender sender, HttpContext http, CancellationToken ct) =>
                HttpResults.Updated(http, await sender.Send(new RetryWebhookDeliveryCommand(id, deliveryId, http.Request.IfMatch()), ct)))
            .ProducesProblemTypes(RuleNames.IllegalTransition)
            .WithName("RetryWebhookDelivery")
            .WithSummary("Try a delivery again now (a failed one gets a new 24-hour retry period)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        return api;
    }
}
