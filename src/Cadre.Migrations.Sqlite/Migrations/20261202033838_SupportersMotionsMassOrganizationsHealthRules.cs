using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Cadre.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SupportersMotionsMassOrganizationsHealthRules : Migration
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
                name: "MassOrganizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FoundedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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
                name: "Seminars",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HostPartyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "MassBodies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MassOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "SeminarPapers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeminarId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PartyId = table.Column<int>(type: "INTEGER", nullable: true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeminarId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "MassBodyLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Members = table.Column<int>(type: "INTEGER", nullable: false),
                    Women = table.Column<int>(type: "INTEGER", nullable: true),
                    Youth = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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

            migrationBuilder.InsertData(
                table: "WarningRules",
                columns: new[] { "Id", "Comparison", "Enabled", "Indicator", "Measure", "Name", "OwnOnly", "Threshold", "Version", "WindowMonths" },
                values: new object[,]
                {
                    { 5, 2, true, "general_meetings", 2, "No general meeting for three months", true, 1m, 1, 3 },
                    { 6, 2, true, "attendance_recent", 1, "Attendance below 50 % at the last three general meetings", true, 0.5m, 1, 1 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_StartsAt",
                table: "Meetings",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_DueOn",
                table: "Assignments",
                column: "DueOn");

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
                name: "Amendments");

            migrationBuilder.DropTable(
                name: "MassBodyLinks");

            migrationBuilder.DropTable(
                name: "MassPositions");

            migrationBuilder.DropTable(
                name: "MassReports");

            migrationBuilder.DropTable(
                name: "MotionSupporters");

            migrationBuilder.DropTable(
                name: "MotionVersions");

            migrationBuilder.DropTable(
                name: "SeminarDelegate");

            migrationBuilder.DropTable(
                name: "SeminarPapers");

            migrationBuilder.DropTable(
                name: "SupporterConsents");

            migrationBuilder.DropTable(
                name: "MassBodies");

            migrationBuilder.DropTable(
                name: "Motions");

            migrationBuilder.DropTable(
                name: "SeminarParticipants");

            migrationBuilder.DropTable(
                name: "SignupForms");

            migrationBuilder.DropTable(
                name: "Supporters");

            migrationBuilder.DropTable(
                name: "MassOrganizations");

            migrationBuilder.DropTable(
                name: "Seminars");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_StartsAt",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_DueOn",
                table: "Assignments");

            migrationBuilder.DeleteData(
                table: "WarningRules",
                keyColumn: "Id",
                keyValue: 5);

            migrationBuilder.DeleteData(
                table: "WarningRules",
                keyColumn: "Id",
                keyValue: 6);

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
