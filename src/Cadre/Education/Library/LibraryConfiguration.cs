using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Education.Library;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.Property(d => d.Key).HasMaxLength(Document.KeyMaxLength);
        builder.HasIndex(d => d.Key).IsUnique();
        builder.Property(d => d.Title).HasMaxLength(Document.TitleMaxLength);
        builder.Property(d => d.TitleKey).HasMaxLength(Document.TitleMaxLength);
        builder.Property(d => d.Author).HasMaxLength(Document.AuthorMaxLength);
        builder.Property(d => d.AuthorKey).HasMaxLength(Document.AuthorMaxLength);
        builder.Property(d => d.Language).HasMaxLength(Document.LanguageMaxLength);
        builder.Property(d => d.Tags).HasMaxLength(Document.TagsMaxLength);
        builder.Property(d => d.Source).HasMaxLength(Document.SourceMaxLength);
        builder.Property(d => d.Kind).HasConversion<int>();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.TitleKey, d.Id });
        builder.HasIndex(d => d.AuthorKey);
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Versions).HasField("versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(d => d.TagList);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.Property(v => v.Title).HasMaxLength(Document.TitleMaxLength);
        builder.Property(v => v.Note).HasMaxLength(Document.NoteMaxLength);
        builder.Property(v => v.RecordedBy).HasMaxLength(256);
        builder.Property(v => v.Format).HasConversion<int>();
        builder.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
    }
}
