using System.Text.Json;
using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Dues;
using Cadre.Members;
using Cadre.Organizations;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cadre.Data;

public sealed class CadreDbContext : IdentityDbContext<CadreUser>
{
    private readonly TimeProvider clock;

    public CadreDbContext(DbContextOptions<CadreDbContext> options, TimeProvider? clock = null, CurrentActor? actor = null)
        : base(options)
    {
        this.clock = clock ?? TimeProvider.System;
        CurrentActor = actor ?? new CurrentActor();
    }

    /// Who the audit trail names for the changes saved through this context.
    public CurrentActor CurrentActor { get; }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(Now);

    public DbSet<Level> Levels => Set<Level>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<OrganizationPath> OrganizationPaths => Set<OrganizationPath>();

    public DbSet<OrganizationVersion> OrganizationVersions => Set<OrganizationVersion>();

    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<Office> Offices => Set<Office>();

    public DbSet<Term> Terms => Set<Term>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Classifier> Classifiers => Set<Classifier>();

    public DbSet<MemberTally> MemberTallies => Set<MemberTally>();

    public DbSet<MembershipEvent> MembershipEvents => Set<MembershipEvent>();

    public DbSet<MembershipRules> MembershipRules => Set<MembershipRules>();

    public DbSet<Sponsorship> Sponsorships => Set<Sponsorship>();

    public DbSet<Sanction> Sanctions => Set<Sanction>();

    public DbSet<TransferRequest> TransferRequests => Set<TransferRequest>();

    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();

    public DbSet<PersonalAccessToken> AccessTokens => Set<PersonalAccessToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Counter> Counters => Set<Counter>();

    public DbSet<DuesSettings> DuesSettings => Set<DuesSettings>();

    public DbSet<IncomeBand> IncomeBands => Set<IncomeBand>();

    public DbSet<CategoryRate> CategoryRates => Set<CategoryRate>();

    public DbSet<LevelShare> LevelShares => Set<LevelShare>();

    public DbSet<DeclaredIncome> DeclaredIncomes => Set<DeclaredIncome>();

    public DbSet<DuesExemption> DuesExemptions => Set<DuesExemption>();

    public DbSet<DuesPayment> DuesPayments => Set<DuesPayment>();

    // Supporters: people around an organization, their consents, and the public sign-up forms that gather them.
    public DbSet<Supporters.Supporter> Supporters => Set<Supporters.Supporter>();

    public DbSet<Supporters.Consent> SupporterConsents => Set<Supporters.Consent>();

    public DbSet<Supporters.SignupForm> SignupForms => Set<Supporters.SignupForm>();

    // Political education: the library (its search tables are hand-written, LibrarySearchSql), courses, study groups.
    public DbSet<Education.Library.Document> Documents => Set<Education.Library.Document>();

    public DbSet<Education.Library.DocumentVersion> DocumentVersions => Set<Education.Library.DocumentVersion>();

    public DbSet<Education.Courses.Course> Courses => Set<Education.Courses.Course>();

    public DbSet<Education.Courses.Lesson> Lessons => Set<Education.Courses.Lesson>();

    public DbSet<Education.Courses.StudyGroup> StudyGroups => Set<Education.Courses.StudyGroup>();

    public DbSet<Education.Courses.StudySession> StudySessions => Set<Education.Courses.StudySession>();

    public DbSet<Education.Courses.Enrollment> Enrollments => Set<Education.Courses.Enrollment>();

    public DbSet<Education.Courses.StudyAttendance> StudyAttendances => Set<Education.Courses.StudyAttendance>();

    public DbSet<Education.Courses.EducationSettings> EducationSettings => Set<Education.Courses.EducationSettings>();

    // Directives: the chain of leadership; assignments are written in bulk (AssignmentSql).
    public DbSet<Directives.Directive> Directives => Set<Directives.Directive>();

    public DbSet<Directives.DirectiveFigure> DirectiveFigures => Set<Directives.DirectiveFigure>();

    public DbSet<Directives.Assignment> Assignments => Set<Directives.Assignment>();

    // Organizational health: indicators per organization and month, the runs that computed them, warning rules and warnings.
    public DbSet<Health.IndicatorValue> IndicatorValues => Set<Health.IndicatorValue>();

    public DbSet<Health.HealthRun> HealthRuns => Set<Health.HealthRun>();

    public DbSet<Health.WarningRule> WarningRules => Set<Health.WarningRule>();

    public DbSet<Health.HealthWarning> HealthWarnings => Set<Health.HealthWarning>();

    public DbSet<Health.CompositionCell> CompositionCells => Set<Health.CompositionCell>();

    // The international work: the registry of parties, relations, exchanges, declarations, seminars.
    public DbSet<International.Party> Parties => Set<International.Party>();

    public DbSet<International.Relation> Relations => Set<International.Relation>();

    public DbSet<International.RelationChange> RelationChanges => Set<International.RelationChange>();

    public DbSet<International.Exchange> Exchanges => Set<International.Exchange>();

    public DbSet<International.PartyContact> PartyContacts => Set<International.PartyContact>();

    public DbSet<International.Declaration> Declarations => Set<International.Declaration>();

    public DbSet<International.DeclarationText> DeclarationTexts => Set<International.DeclarationText>();

    public DbSet<International.Signatory> Signatories => Set<International.Signatory>();

    public DbSet<International.Seminars.Seminar> Seminars => Set<International.Seminars.Seminar>();

    public DbSet<International.Seminars.SeminarParticipant> SeminarParticipants => Set<International.Seminars.SeminarParticipant>();

    public DbSet<International.Seminars.SeminarPaper> SeminarPapers => Set<International.Seminars.SeminarPaper>();

    // Mass organizations: affiliated organizations with their tree of bodies, links to party organizations, positions, reports.
    public DbSet<MassOrganizations.MassOrganization> MassOrganizations => Set<MassOrganizations.MassOrganization>();

    public DbSet<MassOrganizations.MassBody> MassBodies => Set<MassOrganizations.MassBody>();

    public DbSet<MassOrganizations.MassBodyLink> MassBodyLinks => Set<MassOrganizations.MassBodyLink>();

    public DbSet<MassOrganizations.MassPosition> MassPositions => Set<MassOrganizations.MassPosition>();

    public DbSet<MassOrganizations.MassReport> MassReports => Set<MassOrganizations.MassReport>();

    // Congresses: delegates apportioned and checked, polls with their voters and (unlinked) ballots.
    public DbSet<Congresses.Congress> Congresses => Set<Congresses.Congress>();

    public DbSet<Congresses.DelegateAllocation> DelegateAllocations => Set<Congresses.DelegateAllocation>();

    public DbSet<Congresses.CongressDelegate> CongressDelegates => Set<Congresses.CongressDelegate>();

    public DbSet<Congresses.Polls.Poll> Polls => Set<Congresses.Polls.Poll>();

    public DbSet<Congresses.Polls.PollCandidate> PollCandidates => Set<Congresses.Polls.PollCandidate>();

    public DbSet<Congresses.Polls.PollVoter> PollVoters => Set<Congresses.Polls.PollVoter>();

    public DbSet<Congresses.Polls.Ballot> Ballots => Set<Congresses.Polls.Ballot>();

    // Motions of a congress: amendments to their lines, supporters, and the versions of their text.
    public DbSet<Congresses.Motions.Motion> Motions => Set<Congresses.Motions.Motion>();

    public DbSet<Congresses.Motions.Amendment> Amendments => Set<Congresses.Motions.Amendment>();

    public DbSet<Congresses.Motions.MotionSupporter> MotionSupporters => Set<Congresses.Motions.MotionSupporter>();

    public DbSet<Congresses.Motions.MotionVersion> MotionVersions => Set<Congresses.Motions.MotionVersion>();

    // Meetings: kinds, meetings with their agenda and roll, decisions, calendar feed addresses.
    public DbSet<Meetings.MeetingKind> MeetingKinds => Set<Meetings.MeetingKind>();

    public DbSet<Meetings.Meeting> Meetings => Set<Meetings.Meeting>();

    public DbSet<Meetings.AgendaItem> AgendaItems => Set<Meetings.AgendaItem>();

    public DbSet<Meetings.Attendee> Attendees => Set<Meetings.Attendee>();

    public DbSet<Meetings.Decision> Decisions => Set<Meetings.Decision>();

    public DbSet<Meetings.CalendarToken> CalendarTokens => Set<Meetings.CalendarToken>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CadreDbContext).Assembly);
        if (IsPostgres)
        {
            // Search keys compare byte-wise on both engines ("C" is SQLite's BINARY), so a prefix is an index range.
            foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                         .Where(p => p.ClrType == typeof(string) && (p.Name.EndsWith("Key", StringComparison.Ordinal) || p.Name is "Code" or "Number")))
                property.SetCollation("C");
        }
    }

    /// Saves and writes the audit trail in the same transaction: a change is never stored without its entry.
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Audit entries are never changed or deleted.");

        var changes = ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(Capture)
            .Where(c => c is not null)
            .Select(c => c!)
            .ToList();
        if (changes.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = Now;
            foreach (var change in changes)
            {
                AuditEntries.Add(new AuditEntry
                {
                    At = now,
                    UserId = CurrentActor.Actor.UserId,
                    UserName = CurrentActor.Actor.Name,
                    EntityType = change.Entry.Metadata.ClrType.Name,
                    EntityId = KeyOf(change.Entry),
                    Action = change.Action,
                    OrganizationId = ((IAudited)change.Entry.Entity).AuditOrganizationId,
                    Before = change.Before,
                    After = change.Action == AuditAction.Deleted ? null : Serialize(change.Entry, change.Entry.CurrentValues, change.ChangedOnly),
                });
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it writes the audit trail.");

    private sealed record Change(EntityEntry Entry, AuditAction Action, string? Before, IReadOnlyList<string>? ChangedOnly);

    private static Change? Capture(EntityEntry entry)
    {
        switch (entry.State)
        {
            case EntityState.Added:
                return new Change(entry, AuditAction.Created, null, null);
            case EntityState.Deleted:
                return new Change(entry, AuditAction.Deleted, Serialize(entry, entry.OriginalValues, null), null);
            default:
                var changed = entry.Properties.Where(p => p.IsModified && !IsNoise(p.Metadata.Name)
                        && !Equals(p.OriginalValue, p.CurrentValue))
                    .Select(p => p.Metadata.Name).ToList();
                return changed.Count == 0 ? null : new Change(entry, AuditAction.Updated, Serialize(entry, entry.OriginalValues, changed), changed);
        }
    }

    // Derived columns (search keys, concurrency versions) say nothing a reader of the trail needs.
    private static bool IsNoise(string property) =>
        property == "Version" || (property.EndsWith("Key", StringComparison.Ordinal) && property != "Key");

    private static string Serialize(EntityEntry entry, PropertyValues values, IReadOnlyList<string>? only)
    {
        var data = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        var redacted = (entry.Entity as IAuditRedacted)?.RedactedInAudit;
        foreach (var property in values.Properties)
        {
            if (IsNoise(property.Name) || (only is not null && !only.Contains(property.Name))) continue;
            data[property.Name] = redacted?.Contains(property.Name) == true && values[property] is not null ? "(personal data)"
                : values[property] is Enum e ? e.ToString() : values[property];
        }
        return JsonSerializer.Serialize(data);
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
}

/// The actor whose changes a context records; set once per request or CLI run.
public sealed class CurrentActor
{
    public Actor Actor { get; set; } = Actor.System("system");
}
