using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Congresses.Motions;

internal sealed class MotionConfiguration : IEntityTypeConfiguration<Motion>
{
    public void Configure(EntityTypeBuilder<Motion> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(Motion.TitleMaxLength);
        builder.Property(m => m.Text).HasMaxLength(MotionText.MaxLength);
        builder.Property(m => m.Reason).HasMaxLength(Motion.ReasonMaxLength);
        builder.Property(m => m.SubmittedBy).HasMaxLength(Motion.SubmitterMaxLength);
        builder.Property(m => m.VoteReason).HasMaxLength(500);
        builder.Property(m => m.Status).HasConversion<int>();
        builder.Property(m => m.Majority).HasConversion<int?>();
        builder.Property(m => m.MajorityBase).HasConversion<int?>();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => new { m.CongressId, m.Number }).IsUnique();
        builder.HasOne<Congress>().WithMany().HasForeignKey(m => m.CongressId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.SubmittedByOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CongressDelegate>().WithMany().HasForeignKey(m => m.SubmittedByDelegateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Amendments).WithOne().HasForeignKey(a => a.MotionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Supporters).WithOne().HasForeignKey(s => s.MotionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Versions).WithOne().HasForeignKey(v => v.MotionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Amendments).HasField("amendments").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Supporters).HasField("supporters").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Versions).HasField("versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(m => m.Lines);
        builder.Ignore(m => m.VotingStarted);
    }
}

internal sealed class AmendmentConfiguration : IEntityTypeConfiguration<Amendment>
{
    public void Configure(EntityTypeBuilder<Amendment> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(MotionText.MaxLength);
        builder.Property(a => a.ModifiedText).HasMaxLength(MotionText.MaxLength);
        builder.Property(a => a.Reason).HasMaxLength(Motion.ReasonMaxLength);
        builder.Property(a => a.RecommendationNote).HasMaxLength(Amendment.NoteMaxLength);
        builder.Property(a => a.SubmittedBy).HasMaxLength(Motion.SubmitterMaxLength);
        builder.Property(a => a.VoteReason).HasMaxLength(500);
        builder.Property(a => a.Kind).HasConversion<int>();
        builder.Property(a => a.Status).HasConversion<int>();
        builder.Property(a => a.Recommendation).HasConversion<int>();
        builder.HasIndex(a => new { a.MotionId, a.Number }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.SubmittedByOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CongressDelegate>().WithMany().HasForeignKey(a => a.SubmittedByDelegateId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.Change);
        builder.Ignore(a => a.VotedChange);
        builder.Ignore(a => a.AdoptedChange);
    }
}

internal sealed class MotionSupporterConfiguration : IEntityTypeConfiguration<MotionSupporter>
{
    public void Configure(EntityTypeBuilder<MotionSupporter> builder)
    {
        // The key is what refuses a second support by the same delegate, even when two requests race.
        builder.HasKey(s => new { s.MotionId, s.DelegateId });
        builder.HasOne<CongressDelegate>().WithMany().HasForeignKey(s => s.DelegateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MotionVersionConfiguration : IEntityTypeConfiguration<MotionVersion>
{
    public void Configure(EntityTypeBuilder<MotionVersion> builder)
    {
        builder.Property(v => v.Text).HasMaxLength(MotionText.MaxLength * 2);
        builder.Property(v => v.Note).HasMaxLength(500);
        builder.HasIndex(v => new { v.MotionId, v.Number }).IsUnique();
    }
}
