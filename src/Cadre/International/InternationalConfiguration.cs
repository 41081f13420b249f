using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.International;

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.Property(p => p.CountryCode).HasMaxLength(3);
        builder.Property(p => p.Name).HasMaxLength(Party.NameMaxLength);
        builder.Property(p => p.NameEnglish).HasMaxLength(Party.NameMaxLength);
        builder.Property(p => p.NameShort).HasMaxLength(Party.ShortMaxLength);
        builder.Property(p => p.NameOther).HasMaxLength(Party.OtherMaxLength);
        builder.Property(p => p.Wikipedia).HasMaxLength(Party.UrlMaxLength);
        builder.Property(p => p.Website).HasMaxLength(Party.UrlMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Party.TextMaxLength);
        builder.Property(p => p.Notes).HasMaxLength(Party.TextMaxLength);
        builder.Property(p => p.Family).HasMaxLength(Party.FamilyMaxLength);
        builder.Property(p => p.FamilyKey).HasMaxLength(Party.FamilyMaxLength);
        builder.Property(p => p.NameKey).HasMaxLength(Party.NameMaxLength);
        builder.Property(p => p.SearchKey).HasMaxLength(Party.SearchKeyMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.PartyFactsId).IsUnique();
        builder.HasIndex(p => new { p.NameKey, p.Id });
        builder.HasIndex(p => new { p.CountryCode, p.NameKey });
        builder.HasIndex(p => p.FamilyKey);
    }
}
