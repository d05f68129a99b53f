using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ServiceDesk.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssignmentGroups",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SeriesCodes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentGroups", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "BusinessCalendars",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Weekly = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Holidays = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    ExtraWorkingDays = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessCalendars", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Contacts = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    CallerId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponseBody = table.Column<string>(type: "TEXT", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.CallerId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "NumberSequences",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    LastValue = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberSequences", x => x.Prefix);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductLines",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductLines", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "ServiceLevels",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    CalendarCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResponseCalendarCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PriceMultiplier = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    AvailabilityTargetPercent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: false),
                    OnSiteArrivalMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Targets = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceLevels", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiKeys_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProductCodes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ImplementationPlan = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    BackoutPlan = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExternalReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequiredApprovals = table.Column<int>(type: "INTEGER", nullable: false),
                    Approvals = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    PlannedStart = table.Column<long>(type: "INTEGER", nullable: true),
                    PlannedEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    Conflicts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ScheduledInFreeze = table.Column<bool>(type: "INTEGER", nullable: false),
                    FreezeOverrides = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ActualStart = table.Column<long>(type: "INTEGER", nullable: true),
                    ActualEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ReviewNotes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    FixesIncidents = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FixesProblems = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CausedIncidents = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HistoryCount = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Changes_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FreezePeriods",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FreezePeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FreezePeriods_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Tickets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ProductLineCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ServiceLevelCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Impact = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExternalReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AssignmentGroup = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Assignee = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EscalationLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    HoldReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResolutionCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ResolutionNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AutoCloseAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResponseCalendarCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResponseTargetMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseElapsedBeforeSegmentMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseSegmentStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponsePausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponsePausedMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseStoppedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseIsBreached = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResponseBreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseWarned75 = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResponseWarned90 = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResponseNextCheckAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResolutionKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResolutionCalendarCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResolutionTargetMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolutionElapsedBeforeSegmentMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolutionSegmentStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionPausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionPausedMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolutionDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionStoppedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionIsBreached = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResolutionBreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionWarned75 = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResolutionWarned90 = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResolutionNextCheckAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NextBreachAt = table.Column<long>(type: "INTEGER", nullable: true),
                    QueueDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsOpenFlag = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextCheckAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProblemNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Workaround = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CausedByChange = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    HistoryCount = table.Column<long>(type: "INTEGER", nullable: false),
                    CommentCount = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tickets_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProductSeries",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LineCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductSeries", x => x.Code);
                    table.ForeignKey(
                        name: "FK_ProductSeries_ProductLines_LineCode",
                        column: x => x.LineCode,
                        principalTable: "ProductLines",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SortKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceLevelCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProductLineCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidTo = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_ProductLines_ProductLineCode",
                        column: x => x.ProductLineCode,
                        principalTable: "ProductLines",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_ServiceLevels_ServiceLevelCode",
                        column: x => x.ServiceLevelCode,
                        principalTable: "ServiceLevels",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChangeHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeHistory_Changes_ChangeId",
                        column: x => x.ChangeId,
                        principalTable: "Changes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TicketComments",
                columns: table => new
                {
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketComments", x => new { x.TicketId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_TicketComments_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TicketHistory",
                columns: table => new
                {
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    IsInternal = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketHistory", x => new { x.TicketId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_TicketHistory_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LineCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SeriesCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DeliveryModes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MonthlyBasePrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Products_ProductLines_LineCode",
                        column: x => x.LineCode,
                        principalTable: "ProductLines",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Products_ProductSeries_SeriesCode",
                        column: x => x.SeriesCode,
                        principalTable: "ProductSeries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementProducts",
                columns: table => new
                {
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementProducts", x => new { x.AgreementId, x.ProductCode });
                    table.ForeignKey(
                        name: "FK_AgreementProducts_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementProducts_Products_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "Products",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChangeProducts",
                columns: table => new
                {
                    ChangeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlannedStart = table.Column<long>(type: "INTEGER", nullable: true),
                    PlannedEnd = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeProducts", x => new { x.ChangeId, x.ProductCode });
                    table.ForeignKey(
                        name: "FK_ChangeProducts_Changes_ChangeId",
                        column: x => x.ChangeId,
                        principalTable: "Changes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChangeProducts_Products_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "Products",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeArticles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SearchTags = table.Column<string>(type: "TEXT", maxLength: 1021, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProblemNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeArticles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgeArticles_Products_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "Products",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Problems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Workaround = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ResolvedByChange = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    IncidentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    KnownErrorAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HistoryCount = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Problems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Problems_Products_ProductCode",
                        column: x => x.ProductCode,
                        principalTable: "Products",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProblemHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProblemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemHistory_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "NumberSequences",
                columns: new[] { "Prefix", "LastValue" },
                values: new object[,]
                {
                    { "CHG", 0L },
                    { "INC", 0L },
                    { "PRB", 0L },
                    { "REQ", 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementProducts_ProductCode",
                table: "AgreementProducts",
                column: "ProductCode");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_CustomerId_ValidFrom_SortKey",
                table: "Agreements",
                columns: new[] { "CustomerId", "ValidFrom", "SortKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_ProductLineCode",
                table: "Agreements",
                column: "ProductLineCode");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_ServiceLevelCode",
                table: "Agreements",
                column: "ServiceLevelCode");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_CreatedAt_Hash",
                table: "ApiKeys",
                columns: new[] { "CreatedAt", "Hash" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_CustomerId",
                table: "ApiKeys",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Hash",
                table: "ApiKeys",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChangeHistory_ChangeId_Sequence",
                table: "ChangeHistory",
                columns: new[] { "ChangeId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChangeProducts_ProductCode_Status_PlannedStart",
                table: "ChangeProducts",
                columns: new[] { "ProductCode", "Status", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Changes_CreatedAt_Number",
                table: "Changes",
                columns: new[] { "CreatedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Changes_CustomerId_CreatedAt_Number",
                table: "Changes",
                columns: new[] { "CustomerId", "CreatedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Changes_ExternalReference",
                table: "Changes",
                column: "ExternalReference");

            migrationBuilder.CreateIndex(
                name: "IX_Changes_Number",
                table: "Changes",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Changes_Status_CreatedAt_Number",
                table: "Changes",
                columns: new[] { "Status", "CreatedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Changes_Type_CreatedAt_Number",
                table: "Changes",
                columns: new[] { "Type", "CreatedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Active_Code",
                table: "Customers",
                columns: new[] { "Active", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Code",
                table: "Customers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FreezePeriods_CustomerId_Start",
                table: "FreezePeriods",
                columns: new[] { "CustomerId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_FreezePeriods_End_Start",
                table: "FreezePeriods",
                columns: new[] { "End", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_FreezePeriods_Start_Id",
                table: "FreezePeriods",
                columns: new[] { "Start", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_CreatedAt_Id",
                table: "KnowledgeArticles",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_ProductCode_CreatedAt_Id",
                table: "KnowledgeArticles",
                columns: new[] { "ProductCode", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_Status_CreatedAt_Id",
                table: "KnowledgeArticles",
                columns: new[] { "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProcessedAt_OccurredAt",
                table: "OutboxMessages",
                columns: new[] { "ProcessedAt", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemHistory_ProblemId_Sequence",
                table: "ProblemHistory",
                columns: new[] { "ProblemId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Problems_CreatedAt_Number",
                table: "Problems",
                columns: new[] { "CreatedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_Number",
                table: "Problems",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Problems_ProductCode_CreatedAt_Number",
                table: "Problems",
                columns: new[] { "ProductCode", "CreatedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_Status_CreatedAt_Number",
                table: "Problems",
                columns: new[] { "Status", "CreatedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Kind_Code",
                table: "Products",
                columns: new[] { "Kind", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_LineCode_Code",
                table: "Products",
                columns: new[] { "LineCode", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_SeriesCode_Code",
                table: "Products",
                columns: new[] { "SeriesCode", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Status_Code",
                table: "Products",
                columns: new[] { "Status", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductSeries_LineCode_Code",
                table: "ProductSeries",
                columns: new[] { "LineCode", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevels_CalendarCode",
                table: "ServiceLevels",
                column: "CalendarCode");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevels_Rank_Code",
                table: "ServiceLevels",
                columns: new[] { "Rank", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevels_ResponseCalendarCode",
                table: "ServiceLevels",
                column: "ResponseCalendarCode");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevels_Status_Rank_Code",
                table: "ServiceLevels",
                columns: new[] { "Status", "Rank", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssignmentGroup_OpenedAt",
                table: "Tickets",
                columns: new[] { "AssignmentGroup", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CausedByChange",
                table: "Tickets",
                column: "CausedByChange");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CustomerId_Kind_OpenedAt",
                table: "Tickets",
                columns: new[] { "CustomerId", "Kind", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ExternalReference",
                table: "Tickets",
                column: "ExternalReference");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_IsOpenFlag_QueueDueAt_Number",
                table: "Tickets",
                columns: new[] { "IsOpenFlag", "QueueDueAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Kind_OpenedAt_Number",
                table: "Tickets",
                columns: new[] { "Kind", "OpenedAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Kind_Status_OpenedAt",
                table: "Tickets",
                columns: new[] { "Kind", "Status", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_NextCheckAt",
                table: "Tickets",
                column: "NextCheckAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Number",
                table: "Tickets",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ProblemNumber_Number",
                table: "Tickets",
                columns: new[] { "ProblemNumber", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementProducts");

            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "AssignmentGroups");

            migrationBuilder.DropTable(
                name: "BusinessCalendars");

            migrationBuilder.DropTable(
                name: "ChangeHistory");

            migrationBuilder.DropTable(
                name: "ChangeProducts");

            migrationBuilder.DropTable(
                name: "FreezePeriods");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "KnowledgeArticles");

            migrationBuilder.DropTable(
                name: "NumberSequences");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "ProblemHistory");

            migrationBuilder.DropTable(
                name: "TicketComments");

            migrationBuilder.DropTable(
                name: "TicketHistory");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "Changes");

            migrationBuilder.DropTable(
                name: "Problems");

            migrationBuilder.DropTable(
                name: "Tickets");

            migrationBuilder.DropTable(
                name: "ServiceLevels");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "Customers");

            migrationBuilder.DropTable(
                name: "ProductSeries");

            migrationBuilder.DropTable(
                name: "ProductLines");
        }
    }
}
