using Cadre.Congresses.Polls;
using Cadre.Members;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Congresses;

internal sealed class CongressConfiguration : IEntityTypeConfiguration<Congress>
{
    public void Configure(EntityTypeBuilder<Congress> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(Congress.TitleMaxLength);
        builder.Property(c => c.Place).HasMaxLength(Congress.PlaceMaxLength);
        builder.Property(c => c.Agenda).HasMaxLength(Congress.AgendaMaxLength);
        builder.Property(c => c.Kind).HasConversion<int>();
        builder.Property(c => c.Method).HasConversion<int>();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.OrganizationId, c.Kind, c.Number }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(c => c.ConvenedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Allocations).WithOne().HasForeignKey(a => a.CongressId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Allocations).HasField("allocations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DelegateAllocationConfiguration : IEntityTypeConfiguration<DelegateAllocation>
{
    public void Configure(EntityTypeBuilder<DelegateAllocation> builder)
    {
        builder.HasIndex(a => new { a.CongressId, a.OrganizationId }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CongressDelegateConfiguration : IEntityTypeConfiguration<CongressDelegate>
{
    public void Configure(EntityTypeBuilder<CongressDelegate> builder)
    {
        builder.ToTable("CongressDelegates");
        builder.Property(d => d.ElectedAt).HasMaxLength(CongressDelegate.MeetingMaxLength);
        builder.Property(d => d.MandateNote).HasMaxLength(CongressDelegate.NoteMaxLength);
        builder.Property(d => d.Mandate).HasConversion<int>();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.CongressId, d.MemberId }).IsUnique();
        builder.HasIndex(d => new { d.CongressId, d.OrganizationId });
        builder.HasIndex(d => d.MemberId);
        builder.HasOne<Congress>().WithMany().HasForeignKey(d => d.CongressId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CongressDelegate>().WithMany().HasForeignKey(d => d.ReplacesId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class PollConfiguration : IEntityTypeConfiguration<Poll>
{
    public void Configure(EntityTypeBuilder<Poll> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(Poll.TitleMaxLength);
        builder.Property(p => p.Kind).HasConversion<int>();
        builder.Property(p => p.Status).HasConversion<int>();
        builder.Property(p => p.Method).HasConversion<int?>();
        builder.Property(p => p.Majority).HasConversion<int?>();
        builder.Property(p => p.MajorityBase).HasConversion<int?>();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.CongressId);
        builder.HasOne<Congress>().WithMany().HasForeignKey(p => p.CongressId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Candidates).WithOne().HasForeignKey(c => c.PollId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Candidates).HasField("candidates").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PollCandidateConfiguration : IEntityTypeConfiguration<PollCandidate>
{
    public void Configure(EntityTypeBuilder<PollCandidate> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(PollCandidate.NameMaxLength);
        builder.HasIndex(c => new { c.PollId, c.Position }).IsUnique();
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PollVoterConfiguration : IEntityTypeConfiguration<PollVoter>
{
    public void Configure(EntityTypeBuilder<PollVoter> builder)
    {
        // The composite key is what refuses a second ballot, on both engines, even when two requests race.
        builder.HasKey(v => new { v.PollId, v.DelegateId });
        builder.HasOne<Poll>().WithMany().HasForeignKey(v => v.PollId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CongressDelegate>().WithMany().HasForeignKey(v => v.DelegateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        // The random receipt is the key: nothing sequential orders the ballots.
        builder.HasKey(b => b.Receipt);
        builder.Property(b => b.Receipt).HasMaxLength(Ballot.ReceiptLength).ValueGeneratedNever();
        builder.Property(b => b.Marks).HasMaxLength(2000);
        builder.HasIndex(b => b.PollId);
        builder.HasOne<Poll>().WithMany().HasForeignKey(b => b.PollId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CongressDelegate>().WithMany().HasForeignKey(b => b.DelegateId).OnDelete(DeleteBehavior.Restrict);
    }
}
