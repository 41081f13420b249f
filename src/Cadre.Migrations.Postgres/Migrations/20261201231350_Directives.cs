using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cadre.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Directives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Assignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DirectiveId = table.Column<int>(type: "integer", nullable: false),
                    RootDirectiveId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    LevelId = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AcknowledgedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReportText = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Figure1 = table.Column<long>(type: "bigint", nullable: true),
                    Figure2 = table.Column<long>(type: "bigint", nullable: true),
                    Figure3 = table.Column<long>(type: "bigint", nullable: true),
                    Figure4 = table.Column<long>(type: "bigint", nullable: true),
                    Figure5 = table.Column<long>(type: "bigint", nullable: true),
                    SummarisesSubtree = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PassedOnDirectiveId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assignments_Levels_LevelId",
                        column: x => x.LevelId,
                        principalTable: "Levels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assignments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Directives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IssuerOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    IssuerBodyId = table.Column<int>(type: "integer", nullable: true),
                    ParentDirectiveId = table.Column<int>(type: "integer", nullable: true),
                    RootDirectiveId = table.Column<int>(type: "integer", nullable: true),
                    SourceAssignmentId = table.Column<long>(type: "bigint", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportRequired = table.Column<bool>(type: "boolean", nullable: false),
                    ReportForm = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    TargetLevelIds = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directives_Assignments_SourceAssignmentId",
                        column: x => x.SourceAssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Directives_Bodies_IssuerBodyId",
                        column: x => x.IssuerBodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Directives_Directives_ParentDirectiveId",
                        column: x => x.ParentDirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Directives_Directives_RootDirectiveId",
                        column: x => x.RootDirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Directives_Organizations_IssuerOrganizationId",
                        column: x => x.IssuerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectiveFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DirectiveId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectiveFigures_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_DirectiveId",
                table: "Assignments",
                column: "DirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_LevelId",
                table: "Assignments",
                column: "LevelId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_OrganizationId_Status_DueOn",
                table: "Assignments",
                columns: new[] { "OrganizationId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_PassedOnDirectiveId",
                table: "Assignments",
                column: "PassedOnDirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_RootDirectiveId_LevelId_Status_DueOn",
                table: "Assignments",
                columns: new[] { "RootDirectiveId", "LevelId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_RootDirectiveId_OrganizationId",
                table: "Assignments",
                columns: new[] { "RootDirectiveId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveFigures_DirectiveId_Number",
                table: "DirectiveFigures",
                columns: new[] { "DirectiveId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directives_IssuerBodyId",
                table: "Directives",
                column: "IssuerBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Directives_IssuerOrganizationId_IssuedOn",
                table: "Directives",
                columns: new[] { "IssuerOrganizationId", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Directives_ParentDirectiveId",
                table: "Directives",
                column: "ParentDirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_Directives_RootDirectiveId",
                table: "Directives",
                column: "RootDirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_Directives_SourceAssignmentId",
                table: "Directives",
                column: "SourceAssignmentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Assignments_Directives_DirectiveId",
                table: "Assignments",
                column: "DirectiveId",
                principalTable: "Directives",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Assignments_Directives_PassedOnDirectiveId",
                table: "Assignments",
                column: "PassedOnDirectiveId",
                principalTable: "Directives",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Assignments_Directives_RootDirectiveId",
                table: "Assignments",
                column: "RootDirectiveId",
                principalTable: "Directives",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Assignments_Directives_DirectiveId",
                table: "Assignments");

            migrationBuilder.DropForeignKey(
                name: "FK_Assignments_Directives_PassedOnDirectiveId",
                table: "Assignments");

            migrationBuilder.DropForeignKey(
                name: "FK_Assignments_Directives_RootDirectiveId",
                table: "Assignments");

            migrationBuilder.DropTable(
                name: "DirectiveFigures");

            migrationBuilder.DropTable(
                name: "Directives");

            migrationBuilder.DropTable(
                name: "Assignments");
        }
    }
}
