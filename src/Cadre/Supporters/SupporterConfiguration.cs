using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Supporters;

internal sealed class SupporterConfiguration : IEntityTypeConfiguration<Supporter>
{
    public void Configure(EntityTypeBuilder<Supporter> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Supporter.NameMaxLength);
        builder.Property(s => s.NameKey).HasMaxLength(Supporter.NameMaxLength);
        builder.Property(s => s.Email).HasMaxLength(Supporter.EmailMaxLength);
        builder.Property(s => s.EmailKey).HasMaxLength(Supporter.EmailMaxLength);
        builder.Property(s => s.Phone).HasMaxLength(Supporter.PhoneMaxLength);
        builder.Property(s => s.Address).HasMaxLength(Supporter.AddressMaxLength);
        builder.Property(s => s.Interests).HasMaxLength(Supporter.InterestsMaxLength * 2);
        builder.Property(s => s.Notes).HasMaxLength(Supporter.NotesMaxLength);
        builder.Property(s => s.Source).HasConversion<int>();
        builder.Property(s => s.Version).IsConcurrencyToken();
        // One supporter per address and organization: a repeated sign-up merges (decision 0065); erased rows have no address.
        builder.HasIndex(s => new { s.OrganizationId, s.EmailKey }).IsUnique();
        builder.HasIndex(s => new { s.OrganizationId, s.NameKey, s.Id });
        builder.HasIndex(s => new { s.OrganizationId, s.RegisteredOn });
        builder.HasIndex(s => s.MemberId);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Members.Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Consents).WithOne(c => c.Supporter).HasForeignKey(c => c.SupporterId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Consents).HasField("consents").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.ToTable("SupporterConsents");
        builder.Property(c => c.Purpose).HasConversion<int>();
        builder.Property(c => c.How).HasConversion<int>();
        builder.HasIndex(c => new { c.SupporterId, c.Purpose });
        builder.HasOne<SignupForm>().WithMany().HasForeignKey(c => c.SignupFormId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SignupFormConfiguration : IEntityTypeConfiguration<SignupForm>
{
    public void Configure(EntityTypeBuilder<SignupForm> builder)
    {
        builder.Property(f => f.Slug).HasMaxLength(SignupForm.SlugMaxLength);
        builder.Property(f => f.Title).HasMaxLength(SignupForm.TitleMaxLength);
        builder.Property(f => f.Text).HasMaxLength(SignupForm.TextMaxLength);
        builder.Property(f => f.Purpose).HasConversion<int>();
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => f.Slug).IsUnique();
        builder.HasIndex(f => f.OrganizationId);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
