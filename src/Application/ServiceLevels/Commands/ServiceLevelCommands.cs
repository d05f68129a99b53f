using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Application.Common;
using ServiceDesk.Application.Common.Exceptions;
using ServiceDesk.Application.Common.Interfaces;
using ServiceDesk.Domain.ServiceLevels;

namespace ServiceDesk.Application.ServiceLevels.Commands;

/// <summary>The targets of one priority, in business minutes.</summary>
/// <param name="ResponseMinutes" example="30">First-response target, at least 1.</param>
/// <param name="ResolutionMinutes" example="360">Resolution target, not less than the response target.</param>
public sealed record TargetBody(int? ResponseMinutes, int? ResolutionMinutes);

/// <summary>The writable fields of a service level (PUT replaces them all).</summary>
/// <param name="Name" example="Gold">English name.</param>
/// <param name="NameZh" example="金牌">Chinese name (optional).</param>
/// <param name="Rank" example="2">1 is the best level; decides among several matching agreements.</param>
/// <param name="CalendarCode" example="7X12-CN">An existing calendar the targets are measured on.</param>
/// <param name="ResponseCalendarCode" example="24X7">Optional: an existing calendar first response is measured on instead.</param>
/// <param name="PriceMultiplier" example="1.5">Greater than 0; multiplies a product's monthly base price.</param>
/// <param name="AvailabilityTargetPercent" example="99.9">Greater than 0, at most 100.</param>
/// <param name="OnSiteArrivalMinutes" example="240">Optional: time to arrive on site, at least 1.</param>
/// <param name="Targets">Exactly "P1", "P2", "P3" and "P4", each { responseMinutes, resolutionMinutes }.</param>
public sealed record ServiceLevelBody(
    string? Name,
    string? NameZh,
    int? Rank,
    string? CalendarCode,
    string? ResponseCalendarCode,
    decimal? PriceMultiplier,
    decimal? AvailabilityTargetPercent,
    int? OnSiteArrivalMinutes,
    IReadOnlyDictionary<string, TargetBody?>? Targets);

/// <summary>Body of <c>POST /service-levels</c>: a new code and the writable fields.</summary>
/// <param name="Code" example="DIAMOND">New, unique code: up to 32 of A-Z, 0-9, '-'.</param>
/// <param name="Name" example="Diamond">English name.</param>
/// <param name="NameZh" example="钻石">Chinese name (optional).</param>
/// <param name="Rank" example="1">1 is the best level.</param>
/// <param name="CalendarCode" example="24X7">An existing calendar the targets are measured on.</param>
/// <param name="ResponseCalendarCode" example="24X7">Optional: an existing calendar first response is measured on instead.</param>
/// <param name="PriceMultiplier" example="2.5">Greater than 0.</param>
/// <param name="AvailabilityTargetPercent" example="99.99">Greater than 0, at most 100.</param>
/// <param name="OnSiteArrivalMinutes" example="60">Optional: time to arrive on site, at least 1.</param>
/// <param name="Targets">Exactly "P1", "P2", "P3" and "P4", each { responseMinutes, resolutionMinutes }.</param>
public sealed record CreateServiceLevelCommand(
    string? Code,
    string? Name,
    string? NameZh,
    int? Rank,
    string? CalendarCode,
    string? ResponseCalendarCode,
    decimal? PriceMultiplier,
    decimal? AvailabilityTargetPercent,
    int? OnSiteArrivalMinutes,
    IReadOnlyDictionary<string, TargetBody?>? Targets) : ICommand<ServiceLevelResponse>
{
    public ServiceLevelBody ToBody() => new(Name, NameZh, Rank, CalendarCode, ResponseCalendarCode, PriceMultiplier, AvailabilityTargetPercent, OnSiteArrivalMinutes, Targets);
}

public sealed record UpdateServiceLevelCommand(string Code, ServiceLevelBody Body, string? IfMatch) : ICommand<ServiceLevelResponse>;

/// <summary>Takes a level out of the offer: existing agreements keep it, new ones cannot choose it.</summary>
public sealed record RetireServiceLevelCommand(string Code, string? IfMatch) : ICommand<ServiceLevelResponse>;

/// <summary>Deletes a level no agreement has ever used (one in use can only be retired).</summary>
public sealed record DeleteServiceLevelCommand(string Code, string? IfMatch) : ICommand;

public sealed class ServiceLevelBodyValidator : AbstractValidator<ServiceLevelBody>
{
    public ServiceLevelBodyValidator()
    {
        RuleFor(b => b.Name).NotEmpty().MaximumLength(ServiceLevel.NameMaxLength);
        RuleFor(b => b.NameZh).MaximumLength(ServiceLevel.NameMaxLength);
        RuleFor(b => b.Rank).NotNull().InclusiveBetween(1, 1000);
        RuleFor(b => b.CalendarCode).MustBeCode();
        RuleFor(b => b.ResponseCalendarCode!).MustBeCode().When(b => b.ResponseCalendarCode is not null);
        RuleFor(b => b.PriceMultiplier).NotNull().GreaterThan(0).LessThanOrEqualTo(100);
        RuleFor(b => b.AvailabilityTargetPercent).NotNull().GreaterThan(0).LessThanOrEqualTo(100);
        RuleFor(b => b.OnSiteArrivalMinutes).InclusiveBetween(1, 100_000);
        RuleFor(b => b.Targets).NotNull();
    }
}

public sealed class CreateServiceLevelCommandValidator : AbstractValidator<CreateServiceLevelCommand>
{
    public CreateServiceLevelCommandValidator()
    {
        RuleFor(c => c.Code).MustBeCode();
        RuleFor(c => c.ToBody()).SetValidator(new ServiceLevelBodyValidator()).OverridePropertyName("Body");
    }
}

public sealed class UpdateServiceLevelCommandValidator : AbstractValidator<UpdateServiceLevelCommand>
{
    public UpdateServiceLevelCommandValidator() => RuleFor(c => c.Body).SetValidator(new ServiceLevelBodyValidator());
}

internal sealed class ServiceLevelCommandsHandler(IServiceDeskDbContext db)
    : ICommandHandler<CreateServiceLevelCommand, ServiceLevelResponse>,
      ICommandHandler<UpdateServiceLevelCommand, ServiceLevelResponse>,
      ICommandHandler<RetireServiceLevelCommand, ServiceLevelResponse>,
      ICommandHandler<DeleteServiceLevelCommand>
{
    public async ValueTask<ServiceLevelResponse> Handle(CreateServiceLevelCommand command, CancellationToken cancellationToken)
    {
        if (await db.ServiceLevels.AnyAsync(l => l.Code == command.Code, cancellationToken))
            throw ConflictException.Duplicate("service level", "code", command.Code!);
        var body = command.ToBody();
        await EnsureCalendarsExistAsync(body, cancellationToken);

        var level = new ServiceLevel(
            command.Code!,
            body.Name!,
            body.NameZh,
            body.Rank!.Value,
            body.CalendarCode!,
            body.ResponseCalendarCode,
            body.PriceMultiplier!.Value,
            body.AvailabilityTargetPercent!.Value,
            body.OnSiteArrivalMinutes,
            Targets(body.Targets!));
        db.ServiceLevels.Add(level);
        await db.SaveChangesAsync(cancellationToken);
        return level.ToResponse();
    }

    public async ValueTask<ServiceLevelResponse> Handle(UpdateServiceLevelCommand command, CancellationToken cancellationToken)
    {
        var level = await LoadAsync(command.Code, command.IfMatch, cancellationToken);
        var body = command.Body;
        await EnsureCalendarsExistAsync(body, cancellationToken);

        level.Update(
            body.Name!,
            body.NameZh,
            body.Rank!.Value,
            body.CalendarCode!,
            body.ResponseCalendarCode,
            body.PriceMultiplier!.Value,
            body.AvailabilityTargetPercent!.Value,
            body.OnSiteArrivalMinutes,
            Targets(body.Targets!));
        await db.SaveChangesAsync(cancellationToken);
        return level.ToResponse();
    }

    public async ValueTask<ServiceLevelResponse> Handle(RetireServiceLevelCommand command, CancellationToken cancellationToken)
    {
        var level = await LoadAsync(command.Code, command.IfMatch, cancellationToken);
        level.Retire();
        await db.SaveChangesAsync(cancellationToken);
        return level.ToResponse();
    }

    public async ValueTask<Unit> Handle(DeleteServiceLevelCommand command, CancellationToken cancellationToken)
    {
        var level = await LoadAsync(command.Code, command.IfMatch, cancellationToken);
        if (await db.Agreements.AnyAsync(a => a.ServiceLevelCode == level.Code, cancellationToken))
            throw InUse(level.Code);

        db.ServiceLevels.Remove(level);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // An agreement on the level was added between the check and the delete; the foreign key refused it.
            throw InUse(level.Code);
        }

        return Unit.Value;
    }

    /// <summary>Targets keyed "P1".."P4"; an unknown key or a missing number is a 400 naming it (<c>targets.P5</c>).</summary>
    private static List<ServiceTarget> Targets(IReadOnlyDictionary<string, TargetBody?> targets)
    {
        var result = new List<ServiceTarget>();
        foreach (var (key, target) in targets)
        {
            var field = $"targets.{key}";
            if (!Enum.TryParse<Priority>(key, ignoreCase: false, out var priority) || !Enum.IsDefined(priority) || key != priority.ToString())
                throw new RequestValidationException(field, $"'{key}' is not a priority; use P1, P2, P3 and P4.");
            if (target?.ResponseMinutes is not { } response)
                throw new RequestValidationException(field + ".responseMinutes", "'responseMinutes' is required.");
            if (target.ResolutionMinutes is not { } resolution)
                throw new RequestValidationException(field + ".resolutionMinutes", "'resolutionMinutes' is required.");
            result.Add(new ServiceTarget(priority, response, resolution));
        }

        return result;
    }

    /// <summary>A level must measure on calendars that exist (400 naming the field otherwise).</summary>
    private async Task EnsureCalendarsExistAsync(ServiceLevelBody body, CancellationToken cancellationToken)
    {
        if (!await db.Calendars.AnyAsync(c => c.Code == body.CalendarCode, cancellationToken))
            throw new RequestValidationException("calendarCode", $"Calendar '{body.CalendarCode}' does not exist.");
        if (body.ResponseCalendarCode is { } responseCalendar && !await db.Calendars.AnyAsync(c => c.Code == responseCalendar, cancellationToken))
            throw new RequestValidationException("responseCalendarCode", $"Calendar '{responseCalendar}' does not exist.");
    }

    private async Task<ServiceLevel> LoadAsync(string code, string? ifMatch, CancellationToken cancellationToken)
    {
        var level = await db.ServiceLevels.FirstOrDefaultAsync(l => l.Code == code, cancellationToken)
            ?? throw new NotFoundException("Service level", code);
        if (!ETags.Matches(ifMatch, ETags.FromVersion(level.Version)))
            throw new PreconditionFailedException("Service level", code);
        return level;
    }

    private static ConflictException InUse(string code) =>
        new("service-level-in-use", $"Service level {code} is used by at least one agreement; retire it instead (POST /api/v1/service-levels/{code}/retire).");
}
