using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Members;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.GivenName).HasMaxLength(100);
        builder.Property(p => p.FamilyName).HasMaxLength(100);
        builder.Property(p => p.OtherName).HasMaxLength(200);
        builder.Property(p => p.Address).HasMaxLength(300);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.GivenKey).HasMaxLength(100);
        builder.Property(p => p.FamilyKey).HasMaxLength(100);
        builder.Property(p => p.FullKey).HasMaxLength(201);
        builder.Property(p => p.EmailKey).HasMaxLength(254);
        builder.Property(p => p.PhoneKey).HasMaxLength(40);
        // The member list and the name search page by (key, person id). SQLite's index on the key alone holds the rowid,
        // so it already gives that order; PostgreSQL's does not, and sorted each key's ties itself: at 10,000,000 members
        // the first page read the hundred thousand people of the first family name (2 s alone, over a minute under 50
        // connections). With the id in the index both engines read the page straight from it and stop.
        builder.HasIndex(p => new { p.FamilyKey, p.Id }).HasDatabaseName("IX_People_FamilyKey");
        builder.HasIndex(p => new { p.FullKey, p.Id }).HasDatabaseName("IX_People_FullKey");
        builder.HasIndex(p => p.EmailKey);
        builder.HasIndex(p => p.PhoneKey);
        builder.HasOne(p => p.Occupation).WithMany().HasForeignKey(p => p.OccupationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Education).WithMany().HasForeignKey(p => p.EducationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Sex).HasConversion<int?>();
        builder.Ignore(p => p.DisplayName);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.Number).HasMaxLength(20);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.Number).IsUnique();
        builder.HasIndex(m => m.PersonId).IsUnique();
        builder.HasIndex(m => new { m.OrganizationId, m.Status });
        builder.HasOne(m => m.Person).WithOne(p => p.Membership).HasForeignKey<Member>(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(m => m.IsCurrent);
        builder.Ignore(m => m.SeniorityFrom);
    }
}

internal sealed class ClassifierConfiguration : IEntityTypeConfiguration<Classifier>
{
    public void Configure(EntityTypeBuilder<Classifier> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(50);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => new { c.Kind, c.Code }).IsUnique();
    }
}
