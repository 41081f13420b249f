using Cadre.Accounts;
using Cadre.Members;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Meetings;

internal sealed class MeetingKindConfiguration : IEntityTypeConfiguration<MeetingKind>
{
    public void Configure(EntityTypeBuilder<MeetingKind> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(MeetingKind.NameMaxLength);
        builder.Property(k => k.Quorum).HasConversion<int>();
        builder.Property(k => k.Version).IsConcurrencyToken();
        builder.HasIndex(k => k.Name).IsUnique();
        builder.HasOne<Level>().WithMany().HasForeignKey(k => k.LevelId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength);
        builder.Property(m => m.Place).HasMaxLength(Meeting.PlaceMaxLength);
        builder.Property(m => m.OnlineLink).HasMaxLength(Meeting.LinkMaxLength);
        builder.Property(m => m.Minutes).HasMaxLength(Meeting.MinutesMaxLength);
        builder.Property(m => m.Status).HasConversion<int>();
        builder.Property(m => m.Version).IsConcurrencyToken();
        // An organization's meetings by date, and the latest meeting of a kind per organization (the schedules).
        builder.HasIndex(m => new { m.OrganizationId, m.StartsAt });
        builder.HasIndex(m => new { m.KindId, m.OrganizationId, m.StartsAt });
        // A month's meetings across the whole tree, for the health indicators (one index range per month).
        builder.HasIndex(m => m.StartsAt);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MeetingKind>().WithMany().HasForeignKey(m => m.KindId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MinutesApprovedAtId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Agenda).HasField("agenda").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Roll).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Roll).HasField("roll").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(AgendaItem.TitleMaxLength);
        builder.HasIndex(a => new { a.MeetingId, a.Number }).IsUnique();
    }
}

internal sealed class AttendeeConfiguration : IEntityTypeConfiguration<Attendee>
{
    public void Configure(EntityTypeBuilder<Attendee> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Attendee.NameMaxLength);
        builder.Property(a => a.Email).HasMaxLength(Attendee.EmailMaxLength);
        builder.Property(a => a.Role).HasConversion<int>();
        builder.Property(a => a.Status).HasConversion<int>();
        builder.HasIndex(a => new { a.MeetingId, a.PersonId });
        // A member's meetings (their own calendar feed).
        builder.HasIndex(a => a.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.Property(d => d.Number).HasMaxLength(20);
        builder.Property(d => d.Text).HasMaxLength(Decision.TextMaxLength);
        builder.HasIndex(d => new { d.OrganizationId, d.Year, d.Sequence }).IsUnique();
        builder.HasIndex(d => d.MeetingId);
        // The directive a decision implements stays while decisions cite it (decision 0031); the index serves "decisions implementing X".
        builder.HasOne<Directives.Directive>().WithMany().HasForeignKey(d => d.DirectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.DirectiveId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CalendarTokenConfiguration : IEntityTypeConfiguration<CalendarToken>
{
    public void Configure(EntityTypeBuilder<CalendarToken> builder)
    {
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.Hint).HasMaxLength(20);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<CadreUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
