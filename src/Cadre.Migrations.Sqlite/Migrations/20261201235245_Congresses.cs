using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Congresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Congresses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConvenedById = table.Column<int>(type: "INTEGER", nullable: true),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CutOffOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DelegateSeats = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumSeats = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    CountCandidates = table.Column<bool>(type: "INTEGER", nullable: false),
                    QuorumPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    ApportionmentWorking = table.Column<string>(type: "TEXT", nullable: true),
                    ApportionedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Congresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Congresses_Bodies_ConvenedById",
                        column: x => x.ConvenedById,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Congresses_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CongressDelegates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CongressId = table.Column<int>(type: "INTEGER", nullable: false),
                    CongressOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsAlternate = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReplacesId = table.Column<int>(type: "INTEGER", nullable: true),
                    ElectedAt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ElectedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VoteWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    Mandate = table.Column<int>(type: "INTEGER", nullable: false),
                    MandateNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CheckedInAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CongressDelegates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CongressDelegates_CongressDelegates_ReplacesId",
                        column: x => x.ReplacesId,
                        principalTable: "CongressDelegates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_CongressDelegates_Congresses_CongressId",
                        column: x => x.CongressId,
                        principalTable: "Congresses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CongressDelegates_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CongressDelegates_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DelegateAllocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CongressId = table.Column<int>(type: "INTEGER", nullable: false),
                    CongressOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Members = table.Column<long>(type: "INTEGER", nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegateAllocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegateAllocations_Congresses_CongressId",
                        column: x => x.CongressId,
                        principalTable: "Congresses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DelegateAllocations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Polls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CongressId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: true),
                    Majority = table.Column<int>(type: "INTEGER", nullable: true),
                    MajorityBase = table.Column<int>(type: "INTEGER", nullable: true),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    Secret = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    BallotsCast = table.Column<int>(type: "INTEGER", nullable: false),
                    EntitledAtClose = table.Column<int>(type: "INTEGER", nullable: true),
                    PresentAtClose = table.Column<int>(type: "INTEGER", nullable: true),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", nullable: true),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Polls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Polls_Congresses_CongressId",
                        column: x => x.CongressId,
                        principalTable: "Congresses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Ballots",
                columns: table => new
                {
                    Receipt = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PollId = table.Column<int>(type: "INTEGER", nullable: false),
                    Marks = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ballots", x => x.Receipt);
                    table.ForeignKey(
                        name: "FK_Ballots_CongressDelegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "CongressDelegates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ballots_Polls_PollId",
                        column: x => x.PollId,
                        principalTable: "Polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PollCandidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PollCandidates_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PollCandidates_Polls_PollId",
                        column: x => x.PollId,
                        principalTable: "Polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PollVoters",
                columns: table => new
                {
                    PollId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollVoters", x => new { x.PollId, x.DelegateId });
                    table.ForeignKey(
                        name: "FK_PollVoters_CongressDelegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "CongressDelegates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PollVoters_Polls_PollId",
                        column: x => x.PollId,
                        principalTable: "Polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_DelegateId",
                table: "Ballots",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_PollId",
                table: "Ballots",
                column: "PollId");

            migrationBuilder.CreateIndex(
                name: "IX_CongressDelegates_CongressId_MemberId",
                table: "CongressDelegates",
                columns: new[] { "CongressId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CongressDelegates_CongressId_OrganizationId",
                table: "CongressDelegates",
                columns: new[] { "CongressId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_CongressDelegates_MemberId",
                table: "CongressDelegates",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CongressDelegates_OrganizationId",
                table: "CongressDelegates",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CongressDelegates_ReplacesId",
                table: "CongressDelegates",
                column: "ReplacesId");

            migrationBuilder.CreateIndex(
                name: "IX_Congresses_ConvenedById",
                table: "Congresses",
                column: "ConvenedById");

            migrationBuilder.CreateIndex(
                name: "IX_Congresses_OrganizationId_Kind_Number",
                table: "Congresses",
                columns: new[] { "OrganizationId", "Kind", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DelegateAllocations_CongressId_OrganizationId",
                table: "DelegateAllocations",
                columns: new[] { "CongressId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DelegateAllocations_OrganizationId",
                table: "DelegateAllocations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_PollCandidates_MemberId",
                table: "PollCandidates",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PollCandidates_PollId_Position",
                table: "PollCandidates",
                columns: new[] { "PollId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Polls_CongressId",
                table: "Polls",
                column: "CongressId");

            migrationBuilder.CreateIndex(
                name: "IX_PollVoters_DelegateId",
                table: "PollVoters",
                column: "DelegateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Ballots");

            migrationBuilder.DropTable(
                name: "DelegateAllocations");

            migrationBuilder.DropTable(
                name: "PollCandidates");

            migrationBuilder.DropTable(
                name: "PollVoters");

            migrationBuilder.DropTable(
                name: "CongressDelegates");

            migrationBuilder.DropTable(
                name: "Polls");

            migrationBuilder.DropTable(
                name: "Congresses");
        }
    }
}
