using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Supporters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SignupForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignupForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignupForms_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Supporters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    EmailKey = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Interests = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConvertedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ErasedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supporters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supporters_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Supporters_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupporterConsents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupporterId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    How = table.Column<int>(type: "INTEGER", nullable: false),
                    SignupFormId = table.Column<int>(type: "INTEGER", nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupporterConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupporterConsents_SignupForms_SignupFormId",
                        column: x => x.SignupFormId,
                        principalTable: "SignupForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupporterConsents_Supporters_SupporterId",
                        column: x => x.SupporterId,
                        principalTable: "Supporters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignupForms_OrganizationId",
                table: "SignupForms",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SignupForms_Slug",
                table: "SignupForms",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupporterConsents_SignupFormId",
                table: "SupporterConsents",
                column: "SignupFormId");

            migrationBuilder.CreateIndex(
                name: "IX_SupporterConsents_SupporterId_Purpose",
                table: "SupporterConsents",
                columns: new[] { "SupporterId", "Purpose" });

            migrationBuilder.CreateIndex(
                name: "IX_Supporters_MemberId",
                table: "Supporters",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Supporters_OrganizationId_EmailKey",
                table: "Supporters",
                columns: new[] { "OrganizationId", "EmailKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Supporters_OrganizationId_NameKey_Id",
                table: "Supporters",
                columns: new[] { "OrganizationId", "NameKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Supporters_OrganizationId_RegisteredOn",
                table: "Supporters",
                columns: new[] { "OrganizationId", "RegisteredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupporterConsents");

            migrationBuilder.DropTable(
                name: "SignupForms");

            migrationBuilder.DropTable(
                name: "Supporters");
        }
    }
}
