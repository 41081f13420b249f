using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Directives;

internal sealed class DirectiveConfiguration : IEntityTypeConfiguration<Directive>
{
    public void Configure(EntityTypeBuilder<Directive> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(Directive.TitleMaxLength);
        builder.Property(d => d.Text).HasMaxLength(Directive.TextMaxLength);
        builder.Property(d => d.ReportForm).HasMaxLength(Directive.ReportFormMaxLength);
        builder.Property(d => d.TargetLevelIds).HasMaxLength(400);
        builder.Property(d => d.Target).HasConversion<int>();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.ChainId);
        builder.HasIndex(d => new { d.IssuerOrganizationId, d.IssuedOn });
        builder.HasIndex(d => d.RootDirectiveId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.IssuerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(d => d.IssuerBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Directive>().WithMany().HasForeignKey(d => d.ParentDirectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Directive>().WithMany().HasForeignKey(d => d.RootDirectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assignment>().WithMany().HasForeignKey(d => d.SourceAssignmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Figures).WithOne().HasForeignKey(f => f.DirectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Figures).HasField("figures").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DirectiveFigureConfiguration : IEntityTypeConfiguration<DirectiveFigure>
{
    public void Configure(EntityTypeBuilder<DirectiveFigure> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(Directive.FigureNameMaxLength);
        builder.HasIndex(f => new { f.DirectiveId, f.Number }).IsUnique();
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.Property(a => a.Status).HasConversion<int>();
        builder.Property(a => a.Outcome).HasConversion<int?>();
        builder.Property(a => a.Reason).HasMaxLength(Assignment.ReasonMaxLength);
        builder.Property(a => a.ReportText).HasMaxLength(Assignment.ReportTextMaxLength);
        builder.Property(a => a.ReviewNote).HasMaxLength(Assignment.NoteMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsReported);
        builder.Ignore(a => a.Figures);
        // One assignment per organization and chain; also the range "the chain's assignments" for the drill-down.
        builder.HasIndex(a => new { a.RootDirectiveId, a.OrganizationId }).IsUnique();
        // The roll-up by level: one range of the chain, grouped by level and status, overdue read from the due date.
        builder.HasIndex(a => new { a.RootDirectiveId, a.LevelId, a.Status, a.DueOn });
        // The inbox: an organization's open assignments by due date.
        builder.HasIndex(a => new { a.OrganizationId, a.Status, a.DueOn });
        builder.HasIndex(a => a.DirectiveId);
        // The assignments due in a month across the tree, for the health indicators.
        builder.HasIndex(a => a.DueOn);
        builder.HasOne<Directive>().WithMany().HasForeignKey(a => a.DirectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Directive>().WithMany().HasForeignKey(a => a.RootDirectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Level>().WithMany().HasForeignKey(a => a.LevelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Directive>().WithMany().HasForeignKey(a => a.PassedOnDirectiveId).OnDelete(DeleteBehavior.Restrict);
    }
}
