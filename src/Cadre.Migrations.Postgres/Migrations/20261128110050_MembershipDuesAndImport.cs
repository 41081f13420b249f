using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cadre.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MembershipDuesAndImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PhoneKey",
                table: "People",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<DateOnly>(
                name: "FullMemberSince",
                table: "Members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastStepOn",
                table: "Members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ProbationEndsOn",
                table: "Members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ProbationExtended",
                table: "Members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SuspendedUntil",
                table: "Members",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CategoryRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccupationId = table.Column<int>(type: "integer", nullable: false),
                    MonthlyAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryRates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CategoryRates_Classifiers_OccupationId",
                        column: x => x.OccupationId,
                        principalTable: "Classifiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeclaredIncomes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    FromMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    MonthlyIncome = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclaredIncomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeclaredIncomes_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DuesExemptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FromMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    ToMonth = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuesExemptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuesExemptions_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DuesPayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceiptNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuesPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuesPayments_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DuesPayments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DuesSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CurrencyCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    RoundingStep = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    AccountingFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    LapseAfterMonths = table.Column<int>(type: "integer", nullable: false),
                    AutomaticLapse = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuesSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncomeBands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FromIncome = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Percent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomeBands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LevelShares",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LevelId = table.Column<int>(type: "integer", nullable: false),
                    Percent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LevelShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LevelShares_Levels_LevelId",
                        column: x => x.LevelId,
                        principalTable: "Levels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MembershipEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedById = table.Column<int>(type: "integer", nullable: true),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StatusBefore = table.Column<int>(type: "integer", nullable: true),
                    StatusAfter = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MembershipEvents_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MembershipEvents_Organizations_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MembershipEvents_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MembershipRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    SponsorsRequired = table.Column<int>(type: "integer", nullable: false),
                    SponsorSeniorityYears = table.Column<int>(type: "integer", nullable: false),
                    RatificationRequired = table.Column<bool>(type: "boolean", nullable: false),
                    ProbationMonths = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sanctions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedById = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SuspendedUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    StatusBefore = table.Column<int>(type: "integer", nullable: false),
                    Appeal = table.Column<int>(type: "integer", nullable: false),
                    AppealToId = table.Column<int>(type: "integer", nullable: true),
                    AppealLodgedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AppealDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sanctions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sanctions_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sanctions_Organizations_AppealToId",
                        column: x => x.AppealToId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sanctions_Organizations_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sanctions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sponsorships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicantId = table.Column<int>(type: "integer", nullable: false),
                    SponsorId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sponsorships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sponsorships_Members_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sponsorships_Members_SponsorId",
                        column: x => x.SponsorId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sponsorships_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TransferRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    FromOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    ToOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TransferRequests_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransferRequests_Organizations_FromOrganizationId",
                        column: x => x.FromOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransferRequests_Organizations_ToOrganizationId",
                        column: x => x.ToOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentAllocation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PaymentId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentAllocation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentAllocation_DuesPayments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "DuesPayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_PhoneKey",
                table: "People",
                column: "PhoneKey");

            migrationBuilder.CreateIndex(
                name: "IX_CategoryRates_OccupationId",
                table: "CategoryRates",
                column: "OccupationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeclaredIncomes_MemberId_FromMonth",
                table: "DeclaredIncomes",
                columns: new[] { "MemberId", "FromMonth" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DuesExemptions_MemberId",
                table: "DuesExemptions",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_DuesPayments_MemberId",
                table: "DuesPayments",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_DuesPayments_OrganizationId_PaidOn",
                table: "DuesPayments",
                columns: new[] { "OrganizationId", "PaidOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DuesPayments_ReceiptNumber",
                table: "DuesPayments",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LevelShares_LevelId",
                table: "LevelShares",
                column: "LevelId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MembershipEvents_DecidedById",
                table: "MembershipEvents",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipEvents_MemberId_Id",
                table: "MembershipEvents",
                columns: new[] { "MemberId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipEvents_OrganizationId",
                table: "MembershipEvents",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentAllocation_PaymentId_Month",
                table: "PaymentAllocation",
                columns: new[] { "PaymentId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_AppealToId",
                table: "Sanctions",
                column: "AppealToId");

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_DecidedById",
                table: "Sanctions",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_MemberId_Appeal",
                table: "Sanctions",
                columns: new[] { "MemberId", "Appeal" });

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_OrganizationId",
                table: "Sanctions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_ApplicantId_SponsorId",
                table: "Sponsorships",
                columns: new[] { "ApplicantId", "SponsorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_OrganizationId",
                table: "Sponsorships",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Sponsorships_SponsorId",
                table: "Sponsorships",
                column: "SponsorId");

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_FromOrganizationId",
                table: "TransferRequests",
                column: "FromOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_MemberId_Status",
                table: "TransferRequests",
                columns: new[] { "MemberId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_Status_FromOrganizationId",
                table: "TransferRequests",
                columns: new[] { "Status", "FromOrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_Status_ToOrganizationId",
                table: "TransferRequests",
                columns: new[] { "Status", "ToOrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_TransferRequests_ToOrganizationId",
                table: "TransferRequests",
                column: "ToOrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CategoryRates");

            migrationBuilder.DropTable(
                name: "DeclaredIncomes");

            migrationBuilder.DropTable(
                name: "DuesExemptions");

            migrationBuilder.DropTable(
                name: "DuesSettings");

            migrationBuilder.DropTable(
                name: "IncomeBands");

            migrationBuilder.DropTable(
                name: "LevelShares");

            migrationBuilder.DropTable(
                name: "MembershipEvents");

            migrationBuilder.DropTable(
                name: "MembershipRules");

            migrationBuilder.DropTable(
                name: "PaymentAllocation");

            migrationBuilder.DropTable(
                name: "Sanctions");

            migrationBuilder.DropTable(
                name: "Sponsorships");

            migrationBuilder.DropTable(
                name: "TransferRequests");

            migrationBuilder.DropTable(
                name: "DuesPayments");

            migrationBuilder.DropIndex(
                name: "IX_People_PhoneKey",
                table: "People");

            migrationBuilder.DropColumn(
                name: "PhoneKey",
                table: "People");

            migrationBuilder.DropColumn(
                name: "FullMemberSince",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "LastStepOn",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "ProbationEndsOn",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "ProbationExtended",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "SuspendedUntil",
                table: "Members");
        }
    }
}
