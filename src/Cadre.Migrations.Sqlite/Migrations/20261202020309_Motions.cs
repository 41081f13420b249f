using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Motions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AmendmentsDueAt",
                table: "Congresses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MotionSupporters",
                table: "Congresses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "MotionsDueAt",
                table: "Congresses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Motions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CongressId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SubmittedByOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedByDelegateId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Yes = table.Column<long>(type: "INTEGER", nullable: true),
                    No = table.Column<long>(type: "INTEGER", nullable: true),
                    Abstain = table.Column<long>(type: "INTEGER", nullable: true),
                    Majority = table.Column<int>(type: "INTEGER", nullable: true),
                    MajorityBase = table.Column<int>(type: "INTEGER", nullable: true),
                    VoteReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Motions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Motions_CongressDelegates_SubmittedByDelegateId",
                        column: x => x.SubmittedByDelegateId,
                        principalTable: "CongressDelegates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Motions_Congresses_CongressId",
                        column: x => x.CongressId,
                        principalTable: "Congresses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Motions_Organizations_SubmittedByOrganizationId",
                        column: x => x.SubmittedByOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Amendments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MotionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FromLine = table.Column<int>(type: "INTEGER", nullable: false),
                    ToLine = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SubmittedByOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedByDelegateId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Recommendation = table.Column<int>(type: "INTEGER", nullable: false),
                    ModifiedText = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    RecommendationNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Yes = table.Column<long>(type: "INTEGER", nullable: true),
                    No = table.Column<long>(type: "INTEGER", nullable: true),
                    Abstain = table.Column<long>(type: "INTEGER", nullable: true),
                    VoteReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AdoptedModified = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Amendments_CongressDelegates_SubmittedByDelegateId",
                        column: x => x.SubmittedByDelegateId,
                        principalTable: "CongressDelegates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Amendments_Motions_MotionId",
                        column: x => x.MotionId,
                        principalTable: "Motions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Amendments_Organizations_SubmittedByOrganizationId",
                        column: x => x.SubmittedByOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MotionSupporters",
                columns: table => new
                {
                    MotionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegateId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MotionSupporters", x => new { x.MotionId, x.DelegateId });
                    table.ForeignKey(
                        name: "FK_MotionSupporters_CongressDelegates_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "CongressDelegates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MotionSupporters_Motions_MotionId",
                        column: x => x.MotionId,
                        principalTable: "Motions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MotionVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MotionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MotionVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MotionVersions_Motions_MotionId",
                        column: x => x.MotionId,
                        principalTable: "Motions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_MotionId_Number",
                table: "Amendments",
                columns: new[] { "MotionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_SubmittedByDelegateId",
                table: "Amendments",
                column: "SubmittedByDelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_SubmittedByOrganizationId",
                table: "Amendments",
                column: "SubmittedByOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Motions_CongressId_Number",
                table: "Motions",
                columns: new[] { "CongressId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Motions_SubmittedByDelegateId",
                table: "Motions",
                column: "SubmittedByDelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_Motions_SubmittedByOrganizationId",
                table: "Motions",
                column: "SubmittedByOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_MotionSupporters_DelegateId",
                table: "MotionSupporters",
                column: "DelegateId");

            migrationBuilder.CreateIndex(
                name: "IX_MotionVersions_MotionId_Number",
                table: "MotionVersions",
                columns: new[] { "MotionId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Amendments");

            migrationBuilder.DropTable(
                name: "MotionSupporters");

            migrationBuilder.DropTable(
                name: "MotionVersions");

            migrationBuilder.DropTable(
                name: "Motions");

            migrationBuilder.DropColumn(
                name: "AmendmentsDueAt",
                table: "Congresses");

            migrationBuilder.DropColumn(
                name: "MotionSupporters",
                table: "Congresses");

            migrationBuilder.DropColumn(
                name: "MotionsDueAt",
                table: "Congresses");
        }
    }
}
