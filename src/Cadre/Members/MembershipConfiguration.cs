using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Members;

internal sealed class MembershipEventConfiguration : IEntityTypeConfiguration<MembershipEvent>
{
    public void Configure(EntityTypeBuilder<MembershipEvent> builder)
    {
        builder.HasOne<Member>().WithMany(m => m.Events).HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.DecidedBy).WithMany().HasForeignKey(e => e.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Reference).HasMaxLength(MembershipEvent.ReferenceMaxLength);
        builder.Property(e => e.Reason).HasMaxLength(MembershipEvent.TextMaxLength);
        builder.Property(e => e.Note).HasMaxLength(MembershipEvent.TextMaxLength);
        builder.HasIndex(e => new { e.MemberId, e.Id });
        // The health indicators count each month's events of a kind (lapses, transfers): one index range each.
        builder.HasIndex(e => new { e.Kind, e.On });
    }
}

internal sealed class MembershipRulesConfiguration : IEntityTypeConfiguration<MembershipRules>
{
    public void Configure(EntityTypeBuilder<MembershipRules> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class SponsorshipConfiguration : IEntityTypeConfiguration<Sponsorship>
{
    public void Configure(EntityTypeBuilder<Sponsorship> builder)
    {
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.ApplicantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Sponsor).WithMany().HasForeignKey(s => s.SponsorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ApplicantId, s.SponsorId }).IsUnique();
    }
}

internal sealed class SanctionConfiguration : IEntityTypeConfiguration<Sanction>
{
    public void Configure(EntityTypeBuilder<Sanction> builder)
    {
        builder.HasOne(s => s.Member).WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.AppealToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Reason).HasMaxLength(MembershipEvent.TextMaxLength);
        builder.Property(s => s.Reference).HasMaxLength(MembershipEvent.ReferenceMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.MemberId, s.Appeal });
    }
}

internal sealed class TransferRequestConfiguration : IEntityTypeConfiguration<TransferRequest>
{
    public void Configure(EntityTypeBuilder<TransferRequest> builder)
    {
        builder.HasOne(t => t.Member).WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.FromOrganization).WithMany().HasForeignKey(t => t.FromOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.ToOrganization).WithMany().HasForeignKey(t => t.ToOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Reason).HasMaxLength(MembershipEvent.TextMaxLength);
        builder.Property(t => t.DecisionNote).HasMaxLength(MembershipEvent.TextMaxLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.Status, t.ToOrganizationId });
        builder.HasIndex(t => new { t.Status, t.FromOrganizationId });
        builder.HasIndex(t => new { t.MemberId, t.Status });
    }
}
