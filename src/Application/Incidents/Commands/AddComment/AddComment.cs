using FluentValidation;
using Mediator;
using ServiceDesk.Application.Common;
using ServiceDesk.Domain.Incidents;

namespace ServiceDesk.Application.Incidents.Commands;

/// <summary>Body of <c>POST .../comments</c>.</summary>
/// <param name="Body" example="We are on site and replacing the part.">The text.</param>
/// <param name="Visibility" example="public">public (the customer sees it) or internal (a work note).</param>
public sealed record CommentBody(string? Body, CommentVisibility? Visibility);

/// <summary>Adds a public comment or an internal work note to a ticket.</summary>
public sealed record AddCommentCommand(TicketKind Kind, string Number, CommentBody Body) : ICommand<CommentResponse>;

public sealed class AddCommentCommandValidator : AbstractValidator<AddCommentCommand>
{
    public AddCommentCommandValidator()
    {
        RuleFor(c => c.Body.Body).NotEmpty().MaximumLength(TicketComment.BodyMaxLength);
        RuleFor(c => c.Body.Visibility).NotNull().IsDefinedEnum();
    }
}

internal sealed class AddCommentHandler(TicketWrites tickets) : ICommandHandler<AddCommentCommand, CommentResponse>
{
    public async ValueTask<CommentResponse> Handle(AddCommentCommand command, CancellationToken cancellationToken)
    {
        var comment = await tickets.ApplyAsync(command.Kind, command.Number, null, (ticket, write) =>
            ValueTask.FromResult(ticket.AddComment(command.Body.Body!, command.Body.Visibility!.Value, write.By, write.At, write.Sla)), cancellationToken);
        return comment.ToResponse();
    }
}
