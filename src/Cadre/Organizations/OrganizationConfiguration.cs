using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Organizations;

internal sealed class LevelConfiguration : IEntityTypeConfiguration<Level>
{
    public void Configure(EntityTypeBuilder<Level> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.HasIndex(l => l.Rank).IsUnique();
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(Organization.CodeMaxLength);
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.NameKey).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => o.Code).IsUnique();
        builder.HasIndex(o => o.NameKey);
        builder.HasIndex(o => new { o.ParentId, o.NameKey });
        builder.HasOne(o => o.Level).WithMany().HasForeignKey(o => o.LevelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(o => o.IsActive);
    }
}

internal sealed class OrganizationPathConfiguration : IEntityTypeConfiguration<OrganizationPath>
{
    public void Configure(EntityTypeBuilder<OrganizationPath> builder)
    {
        builder.HasKey(p => new { p.AncestorId, p.DescendantId });
        builder.HasIndex(p => new { p.DescendantId, p.AncestorId });
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.AncestorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.DescendantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganizationVersionConfiguration : IEntityTypeConfiguration<OrganizationVersion>
{
    public void Configure(EntityTypeBuilder<OrganizationVersion> builder)
    {
        builder.Property(v => v.Code).HasMaxLength(Organization.CodeMaxLength);
        builder.Property(v => v.Name).HasMaxLength(Organization.NameMaxLength);
        builder.HasIndex(v => new { v.OrganizationId, v.ValidFrom });
        builder.HasIndex(v => new { v.ParentId, v.ValidFrom });
        builder.HasOne<Organization>().WithMany().HasForeignKey(v => v.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.HasOne<Organization>().WithMany().HasForeignKey(b => b.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.OrganizationId);
    }
}

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> builder)
    {
        builder.Property(o => o.Title).HasMaxLength(200);
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Body).WithMany().HasForeignKey(o => o.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Terms).WithOne(t => t.Office).HasForeignKey(t => t.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.OrganizationId);
    }
}

internal sealed class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> builder)
    {
        builder.Property(t => t.Note).HasMaxLength(500);
        builder.HasOne(t => t.Person).WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.OfficeId, t.StartsOn });
        builder.HasIndex(t => t.PersonId);
        builder.HasIndex(t => t.OrganizationId);
    }
}
