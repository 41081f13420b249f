using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Health;

internal sealed class WarningRuleConfiguration : IEntityTypeConfiguration<WarningRule>
{
    public void Configure(EntityTypeBuilder<WarningRule> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(WarningRule.NameMaxLength);
        builder.Property(r => r.Indicator).HasMaxLength(IndicatorDefinition.CodeMaxLength);
        builder.Property(r => r.Threshold).HasPrecision(12, 4);
        builder.Property(r => r.Version).IsConcurrencyToken();
        // The rules a new party starts with (issue 9); the administrator changes their thresholds or turns them off.
        builder.HasData(
            new { Id = 1, Name = "More than 5 % of the members lapsed in a year", Indicator = "lapses", Measure = WarningMeasure.PerMember,
                Comparison = WarningComparison.Above, Threshold = 0.05m, WindowMonths = 12, OwnOnly = false, Enabled = true, Version = 1 },
            new { Id = 2, Name = "The secretary's office is vacant", Indicator = "secretary_vacant", Measure = WarningMeasure.Count,
                Comparison = WarningComparison.Above, Threshold = 0m, WindowMonths = 1, OwnOnly = true, Enabled = true, Version = 1 },
            new { Id = 3, Name = "More than 20 % of the members in arrears", Indicator = "arrears", Measure = WarningMeasure.Share,
                Comparison = WarningComparison.Above, Threshold = 0.2m, WindowMonths = 1, OwnOnly = false, Enabled = true, Version = 1 },
            new { Id = 4, Name = "More than a quarter of the candidates past their probation", Indicator = "candidates_overdue", Measure = WarningMeasure.Share,
                Comparison = WarningComparison.Above, Threshold = 0.25m, WindowMonths = 1, OwnOnly = false, Enabled = true, Version = 1 },
            new { Id = 5, Name = "No general meeting for three months", Indicator = "general_meetings", Measure = WarningMeasure.Count,
                Comparison = WarningComparison.Below, Threshold = 1m, WindowMonths = 3, OwnOnly = true, Enabled = true, Version = 1 },
            new { Id = 6, Name = "Attendance below 50 % at the last three general meetings", Indicator = "attendance_recent", Measure = WarningMeasure.Share,
                Comparison = WarningComparison.Below, Threshold = 0.5m, WindowMonths = 1, OwnOnly = true, Enabled = true, Version = 1 });
    }
}

internal sealed class HealthWarningConfiguration : IEntityTypeConfiguration<HealthWarning>
{
    public void Configure(EntityTypeBuilder<HealthWarning> builder)
    {
        builder.HasOne(w => w.Rule).WithMany().HasForeignKey(w => w.RuleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(w => w.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(w => w.Observed).HasPrecision(18, 6);
        builder.Property(w => w.Threshold).HasPrecision(12, 4);
        builder.Property(w => w.Note).HasMaxLength(HealthWarning.NoteMaxLength);
        builder.Property(w => w.SeenBy).HasMaxLength(256);
        builder.Property(w => w.AcknowledgedBy).HasMaxLength(256);
        builder.Property(w => w.ResolvedBy).HasMaxLength(256);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasIndex(w => new { w.RuleId, w.Status, w.OrganizationId });
        builder.HasIndex(w => new { w.OrganizationId, w.Status });
    }
}
