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

internal sealed class RelationConfiguration : IEntityTypeConfiguration<Relation>
{
    public void Configure(EntityTypeBuilder<Relation> builder)
    {
        builder.Property(r => r.Status).HasConversion<int>();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.OrganizationId, r.PartyId }).IsUnique();
        builder.HasIndex(r => new { r.PartyId, r.Status });
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(r => r.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Changes).WithOne().HasForeignKey(c => c.RelationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Changes).HasField("changes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RelationChangeConfiguration : IEntityTypeConfiguration<RelationChange>
{
    public void Configure(EntityTypeBuilder<RelationChange> builder)
    {
        builder.Property(c => c.From).HasConversion<int?>();
        builder.Property(c => c.To).HasConversion<int>();
        builder.Property(c => c.Note).HasMaxLength(Relation.NoteMaxLength);
        builder.HasIndex(c => new { c.RelationId, c.On });
    }
}

internal sealed class ExchangeConfiguration : IEntityTypeConfiguration<Exchange>
{
    public void Configure(EntityTypeBuilder<Exchange> builder)
    {
        builder.Property(e => e.Kind).HasConversion<int>();
        builder.Property(e => e.MessageKind).HasConversion<int?>();
        builder.Property(e => e.Title).HasMaxLength(Exchange.TitleMaxLength);
        builder.Property(e => e.Place).HasMaxLength(Exchange.PlaceMaxLength);
        builder.Property(e => e.Reference).HasMaxLength(Exchange.ReferenceMaxLength);
        builder.Property(e => e.Summary).HasMaxLength(Exchange.SummaryMaxLength);
        builder.HasIndex(e => new { e.PartyId, e.On });
        builder.HasIndex(e => new { e.OrganizationId, e.On });
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(e => e.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Education.Library.Document>().WithMany().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Delegates).WithOne().HasForeignKey(d => d.ExchangeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Delegates).HasField("delegates").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ExchangeDelegateConfiguration : IEntityTypeConfiguration<ExchangeDelegate>
{
    public void Configure(EntityTypeBuilder<ExchangeDelegate> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(Exchange.NameMaxLength);
        builder.Property(d => d.Position).HasMaxLength(Exchange.NameMaxLength);
        builder.HasIndex(d => new { d.ExchangeId, d.Number }).IsUnique();
    }
}

internal sealed class PartyContactConfiguration : IEntityTypeConfiguration<PartyContact>
{
    public void Configure(EntityTypeBuilder<PartyContact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(PartyContact.NameMaxLength);
        builder.Property(c => c.Position).HasMaxLength(PartyContact.NameMaxLength);
        builder.Property(c => c.Email).HasMaxLength(PartyContact.EmailMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(PartyContact.PhoneMaxLength);
        builder.Property(c => c.Note).HasMaxLength(PartyContact.NoteMaxLength);
        builder.HasIndex(c => new { c.PartyId, c.OrganizationId });
        builder.HasIndex(c => c.OrganizationId);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(c => c.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeclarationConfiguration : IEntityTypeConfiguration<Declaration>
{
    public void Configure(EntityTypeBuilder<Declaration> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(Declaration.TitleMaxLength);
        builder.Property(d => d.Place).HasMaxLength(Declaration.PlaceMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.OrganizationId, d.AdoptedOn });
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Texts).WithOne().HasForeignKey(t => t.DeclarationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Texts).HasField("texts").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(d => d.Signatories).WithOne().HasForeignKey(s => s.DeclarationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Signatories).HasField("signatories").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DeclarationTextConfiguration : IEntityTypeConfiguration<DeclarationText>
{
    public void Configure(EntityTypeBuilder<DeclarationText> builder)
    {
        builder.Property(t => t.Language).HasMaxLength(Declaration.LanguageMaxLength);
        builder.Property(t => t.Body).HasMaxLength(Declaration.TextMaxLength);
        builder.HasIndex(t => new { t.DeclarationId, t.Language, t.Number }).IsUnique();
    }
}

internal sealed class SignatoryConfiguration : IEntityTypeConfiguration<Signatory>
{
    public void Configure(EntityTypeBuilder<Signatory> builder)
    {
        builder.Property(s => s.WithdrawalNote).HasMaxLength(Declaration.NoteMaxLength);
        // A party signs a declaration once: the index refuses a second signature even from a concurrent request.
        builder.HasIndex(s => new { s.DeclarationId, s.PartyId }).IsUnique();
        builder.HasIndex(s => s.PartyId);
        builder.HasOne<Party>().WithMany().HasForeignKey(s => s.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}
