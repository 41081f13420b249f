using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.International.Seminars;

internal sealed class SeminarConfiguration : IEntityTypeConfiguration<Seminar>
{
    public void Configure(EntityTypeBuilder<Seminar> builder)
    {
        builder.Property(s => s.Kind).HasConversion<int>();
        builder.Property(s => s.Title).HasMaxLength(Seminar.TitleMaxLength);
        builder.Property(s => s.Place).HasMaxLength(Seminar.PlaceMaxLength);
        builder.Property(s => s.Summary).HasMaxLength(Seminar.SummaryMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.OrganizationId, s.StartsOn });
        builder.HasIndex(s => s.HostPartyId);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(s => s.HostPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Participants).WithOne().HasForeignKey(p => p.SeminarId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Participants).HasField("participants").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(s => s.Papers).WithOne().HasForeignKey(p => p.SeminarId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Papers).HasField("papers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SeminarParticipantConfiguration : IEntityTypeConfiguration<SeminarParticipant>
{
    public void Configure(EntityTypeBuilder<SeminarParticipant> builder)
    {
        // A party takes part once: the index refuses a second listing even from a concurrent request.
        builder.HasIndex(p => new { p.SeminarId, p.PartyId }).IsUnique();
        builder.HasIndex(p => p.PartyId);
        builder.HasOne<Party>().WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Delegates).WithOne().HasForeignKey(d => d.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Delegates).HasField("delegates").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SeminarDelegateConfiguration : IEntityTypeConfiguration<SeminarDelegate>
{
    public void Configure(EntityTypeBuilder<SeminarDelegate> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(Seminar.NameMaxLength);
        builder.Property(d => d.Position).HasMaxLength(Seminar.NameMaxLength);
        builder.HasIndex(d => new { d.ParticipantId, d.Number }).IsUnique();
    }
}

internal sealed class SeminarPaperConfiguration : IEntityTypeConfiguration<SeminarPaper>
{
    public void Configure(EntityTypeBuilder<SeminarPaper> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(Seminar.TitleMaxLength);
        builder.Property(p => p.Author).HasMaxLength(Seminar.NameMaxLength);
        builder.HasIndex(p => new { p.SeminarId, p.Number }).IsUnique();
        builder.HasOne<Party>().WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Education.Library.Document>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
