using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cadre.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MassOrganizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MassOrganizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ShortName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MassOrganizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MassOrganizations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Seminars",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HostPartyId = table.Column<int>(type: "integer", nullable: true),
                    Summary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Seminars", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Seminars_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Seminars_Parties_HostPartyId",
                        column: x => x.HostPartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MassBodies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MassOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MassBodies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MassBodies_MassBodies_ParentId",
                        column: x => x.ParentId,
                        principalTable: "MassBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MassBodies_MassOrganizations_MassOrganizationId",
                        column: x => x.MassOrganizationId,
                        principalTable: "MassOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SeminarPapers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SeminarId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PartyId = table.Column<int>(type: "integer", nullable: true),
                    DocumentId = table.Column<int>(type: "integer", nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeminarPapers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeminarPapers_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SeminarPapers_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SeminarPapers_Seminars_SeminarId",
                        column: x => x.SeminarId,
                        principalTable: "Seminars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeminarParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SeminarId = table.Column<int>(type: "integer", nullable: false),
                    PartyId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeminarParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeminarParticipants_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SeminarParticipants_Seminars_SeminarId",
                        column: x => x.SeminarId,
                        principalTable: "Seminars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MassBodyLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MassBodyLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MassBodyLinks_MassBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "MassBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MassBodyLinks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MassPositions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Office = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MassPositions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MassPositions_MassBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "MassBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MassPositions_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MassReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Members = table.Column<int>(type: "integer", nullable: false),
                    Women = table.Column<int>(type: "integer", nullable: true),
                    Youth = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MassReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MassReports_MassBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "MassBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SeminarDelegate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeminarDelegate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeminarDelegate_SeminarParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "SeminarParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MassBodies_MassOrganizationId_ParentId",
                table: "MassBodies",
                columns: new[] { "MassOrganizationId", "ParentId" });

            migrationBuilder.CreateIndex(
                name: "IX_MassBodies_ParentId",
                table: "MassBodies",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_MassBodyLinks_BodyId_OrganizationId",
                table: "MassBodyLinks",
                columns: new[] { "BodyId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MassBodyLinks_OrganizationId",
                table: "MassBodyLinks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_MassOrganizations_OrganizationId",
                table: "MassOrganizations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_MassPositions_BodyId_From",
                table: "MassPositions",
                columns: new[] { "BodyId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_MassPositions_MemberId",
                table: "MassPositions",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MassReports_BodyId_On",
                table: "MassReports",
                columns: new[] { "BodyId", "On" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeminarDelegate_ParticipantId_Number",
                table: "SeminarDelegate",
                columns: new[] { "ParticipantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeminarPapers_DocumentId",
                table: "SeminarPapers",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_SeminarPapers_PartyId",
                table: "SeminarPapers",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_SeminarPapers_SeminarId_Number",
                table: "SeminarPapers",
                columns: new[] { "SeminarId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeminarParticipants_PartyId",
                table: "SeminarParticipants",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_SeminarParticipants_SeminarId_PartyId",
                table: "SeminarParticipants",
                columns: new[] { "SeminarId", "PartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Seminars_HostPartyId",
                table: "Seminars",
                column: "HostPartyId");

            migrationBuilder.CreateIndex(
                name: "IX_Seminars_OrganizationId_StartsOn",
                table: "Seminars",
                columns: new[] { "OrganizationId", "StartsOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MassBodyLinks");

            migrationBuilder.DropTable(
                name: "MassPositions");

            migrationBuilder.DropTable(
                name: "MassReports");

            migrationBuilder.DropTable(
                name: "SeminarDelegate");

            migrationBuilder.DropTable(
                name: "SeminarPapers");

            migrationBuilder.DropTable(
                name: "MassBodies");

            migrationBuilder.DropTable(
                name: "SeminarParticipants");

            migrationBuilder.DropTable(
                name: "MassOrganizations");

            migrationBuilder.DropTable(
                name: "Seminars");
        }
    }
}
