using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.MassOrganizations;

internal sealed class MassOrganizationConfiguration : IEntityTypeConfiguration<MassOrganization>
{
    public void Configure(EntityTypeBuilder<MassOrganization> builder)
    {
        builder.Property(m => m.Kind).HasConversion<int>();
        builder.Property(m => m.Name).HasMaxLength(MassOrganization.NameMaxLength);
        builder.Property(m => m.ShortName).HasMaxLength(MassOrganization.ShortNameMaxLength);
        builder.Property(m => m.Note).HasMaxLength(MassOrganization.NoteMaxLength);
        builder.HasIndex(m => m.OrganizationId);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MassBodyConfiguration : IEntityTypeConfiguration<MassBody>
{
    public void Configure(EntityTypeBuilder<MassBody> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(MassBody.NameMaxLength);
        builder.Property(b => b.Level).HasMaxLength(MassBody.LevelMaxLength);
        builder.HasIndex(b => new { b.MassOrganizationId, b.ParentId });
        builder.HasOne<MassOrganization>().WithMany().HasForeignKey(b => b.MassOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MassBody>().WithMany().HasForeignKey(b => b.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MassBodyLinkConfiguration : IEntityTypeConfiguration<MassBodyLink>
{
    public void Configure(EntityTypeBuilder<MassBodyLink> builder)
    {
        builder.HasIndex(l => new { l.BodyId, l.OrganizationId }).IsUnique();
        // "Which mass organizations work with this branch" reads from the party organization's side.
        builder.HasIndex(l => l.OrganizationId);
        builder.HasOne<MassBody>().WithMany().HasForeignKey(l => l.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MassPositionConfiguration : IEntityTypeConfiguration<MassPosition>
{
    public void Configure(EntityTypeBuilder<MassPosition> builder)
    {
        builder.Property(p => p.Office).HasMaxLength(MassPosition.OfficeMaxLength);
        builder.HasIndex(p => new { p.BodyId, p.From });
        builder.HasIndex(p => p.MemberId);
        builder.HasOne<MassBody>().WithMany().HasForeignKey(p => p.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Members.Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MassReportConfiguration : IEntityTypeConfiguration<MassReport>
{
    public void Configure(EntityTypeBuilder<MassReport> builder)
    {
        builder.Property(r => r.Note).HasMaxLength(MassReport.NoteMaxLength);
        // One report per body and day: a second is a conflict even from a concurrent request.
        builder.HasIndex(r => new { r.BodyId, r.On }).IsUnique();
        builder.HasOne<MassBody>().WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}
