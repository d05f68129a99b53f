using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Application.Common.Paging;
using ServiceDesk.Application.Common.Security;
using ServiceDesk.Domain.Integrations;

namespace ServiceDesk.Application.Integrations;

/// <summary>An API key as listed: the secret itself is never shown again after creation.</summary>
/// <param name="Id">The key's id (used to revoke it).</param>
/// <param name="Name" example="monitoring-bridge">What the key is for.</param>
/// <param name="Roles">Roles granted to callers using the key.</param>
/// <param name="CustomerId">For a Customer key, the customer it belongs to.</param>
/// <param name="Prefix" example="sdk_3f9a">The first characters of the key, to tell keys apart.</param>
/// <param name="CreatedAt">When the key was issued.</param>
/// <param name="RevokedAt">When the key was revoked; null while it is valid.</param>
public sealed record ApiKeyResponse(
    Guid Id,
    string Name,
    IReadOnlyList<string> Roles,
    Guid? CustomerId,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt);

/// <summary>A newly issued key: <c>key</c> is the secret, shown in this response only.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name" example="monitoring-bridge">What the key is for.</param>
/// <param name="Roles">Roles granted.</param>
/// <param name="CustomerId">For a Customer key, its customer.</param>
/// <param name="Key" example="sdk_3f9a0c...">The secret to send as X-Api-Key. Store it now: it cannot be read back.</param>
public sealed record CreatedApiKeyResponse(Guid Id, string Name, IReadOnlyList<string> Roles, Guid? CustomerId, string Key);

/// <summary>Body of <c>POST /api-keys</c>.</summary>
/// <param name="Name" example="monitoring-bridge">What the key is for.</param>
/// <param name="Roles">One or more of Customer, Agent, ChangeApprover, Manager, Admin.</param>
/// <param name="CustomerId">Required with (and only with) the Customer role.</param>
public sealed record CreateApiKeyCommand(string? Name, IReadOnlyList<string>? Roles, Guid? CustomerId) : ICommand<CreatedApiKeyResponse>;

public sealed record RevokeApiKeyCommand(Guid Id) : ICommand;

public sealed record ListApiKeysQuery(PageRequest Page) : IQuery<Page<ApiKeyResponse>>;

public sealed record GetApiKeyQuery(Guid Id) : IQuery<ApiKeyResponse>;

public sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(ApiKey.NameMaxLength);
        RuleFor(c => c.Roles).NotEmpty();
        // One message under "roles" (not "roles[1]"): the field clients send is the list.
        RuleFor(c => c.Roles)
            .Must(roles => roles!.All(role => Roles.IsKnown(role)))
            .When(c => c.Roles is not null)
            .WithMessage($"Each role must be one of {string.Join(", ", Roles.All)}.");
        RuleFor(c => c.CustomerId)
            .NotNull().When(c => c.Roles?.Contains(Roles.Customer) == true)
            .WithMessage("'customerId' is required for a key with the Customer role.");
        RuleFor(c => c.CustomerId)
            .Null().When(c => c.Roles?.Contains(Roles.Customer) != true)
            .WithMessage("'customerId' is only for keys with the Customer role.");
    }
}

public sealed class ListApiKeysQueryValidator : AbstractValidator<ListApiKeysQuery>
{
    public ListApiKeysQueryValidator() =>
        RuleFor(q => q.Page).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
}

internal sealed class ApiKeysHandler(IServiceDeskDbContext db, TimeProvider clock, IApiKeyCache cache, ICustomerDirectory customers)
    : ICommandHandler<CreateApiKeyCommand, CreatedApiKeyResponse>,
      ICommandHandler<RevokeApiKeyCommand>,
      IQueryHandler<ListApiKeysQuery, Page<ApiKeyResponse>>,
      IQueryHandler<GetApiKeyQuery, ApiKeyResponse>
{
    public async ValueTask<CreatedApiKeyResponse> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        if (command.CustomerId is { } customerId && !await customers.ExistsAsync(customerId, cancellationToken))
            throw new RequestValidationException("customerId", $"Customer '{customerId}' does not exist.");

        var (key, secret) = ApiKey.Issue(command.Name!, command.Roles!, command.CustomerId, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyResponse(key.Id, key.Name, key.Roles, key.CustomerId, secret);
    }

    public async ValueTask<Unit> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("API key", command.Id);
        if (!key.IsRevoked)
        {
            key.Revoke(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        cache.Evict(key.Hash);
        return Unit.Value;
    }

    public async ValueTask<Page<ApiKeyResponse>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        var keys = db.ApiKeys.AsNoTracking();
        if (Cursor.Decode<ApiKeyCursor>(query.Page.Cursor) is { } after)
            keys = keys.Where(k => k.CreatedAt > after.CreatedAt || (k.CreatedAt == after.CreatedAt && string.Compare(k.Hash, after.Hash) > 0));

        var page = await keys
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Hash)
            .ToPageAsync(query.Page.Size, k => new ApiKeyCursor(k.CreatedAt, k.Hash), cancellationToken);
        return new Page<ApiKeyResponse>(
            page.Items.Select(k => new ApiKeyResponse(k.Id, k.Name, k.Roles, k.CustomerId, k.Prefix, k.CreatedAt, k.RevokedAt)).ToList(),
            page.NextCursor);
    }

    public async ValueTask<ApiKeyResponse> Handle(GetApiKeyQuery query, CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking()
            .Where(k => k.Id == query.Id)
            .Select(k => new ApiKeyResponse(k.Id, k.Name, k.Roles, k.CustomerId, k.Prefix, k.CreatedAt, k.RevokedAt))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("API key", query.Id);

    private sealed record ApiKeyCursor(DateTimeOffset CreatedAt, string Hash);
}
