using Cadre.Members;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Dues;

// Money has two decimals, rates and rounding steps four; both engines keep decimals exactly (SQLite as text).
internal sealed class DuesSettingsConfiguration : IEntityTypeConfiguration<DuesSettings>
{
    public void Configure(EntityTypeBuilder<DuesSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.CurrencyCode).HasMaxLength(3);
        builder.Property(s => s.RoundingStep).HasPrecision(18, 4);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class IncomeBandConfiguration : IEntityTypeConfiguration<IncomeBand>
{
    public void Configure(EntityTypeBuilder<IncomeBand> builder)
    {
        builder.Property(b => b.FromIncome).HasPrecision(18, 2);
        builder.Property(b => b.Percent).HasPrecision(9, 4);
    }
}

internal sealed class CategoryRateConfiguration : IEntityTypeConfiguration<CategoryRate>
{
    public void Configure(EntityTypeBuilder<CategoryRate> builder)
    {
        builder.Property(c => c.MonthlyAmount).HasPrecision(18, 2);
        builder.HasIndex(c => c.OccupationId).IsUnique();
        builder.HasOne<Classifier>().WithMany().HasForeignKey(c => c.OccupationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LevelShareConfiguration : IEntityTypeConfiguration<LevelShare>
{
    public void Configure(EntityTypeBuilder<LevelShare> builder)
    {
        builder.Property(s => s.Percent).HasPrecision(9, 4);
        builder.HasIndex(s => s.LevelId).IsUnique();
        builder.HasOne<Level>().WithMany().HasForeignKey(s => s.LevelId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeclaredIncomeConfiguration : IEntityTypeConfiguration<DeclaredIncome>
{
    public void Configure(EntityTypeBuilder<DeclaredIncome> builder)
    {
        builder.Property(i => i.MonthlyIncome).HasPrecision(18, 2);
        builder.HasIndex(i => new { i.MemberId, i.FromMonth }).IsUnique();
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DuesExemptionConfiguration : IEntityTypeConfiguration<DuesExemption>
{
    public void Configure(EntityTypeBuilder<DuesExemption> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(DuesExemption.ReasonMaxLength);
        builder.HasIndex(e => e.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DuesPaymentConfiguration : IEntityTypeConfiguration<DuesPayment>
{
    public void Configure(EntityTypeBuilder<DuesPayment> builder)
    {
        builder.Property(p => p.ReceiptNumber).HasMaxLength(20);
        builder.HasIndex(p => p.ReceiptNumber).IsUnique();
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.Reference).HasMaxLength(DuesPayment.ReferenceMaxLength);
        builder.Property(p => p.RecordedBy).HasMaxLength(256);
        builder.Property(p => p.Method).HasConversion<int>();
        builder.HasIndex(p => p.MemberId);
        builder.HasIndex(p => new { p.OrganizationId, p.PaidOn });
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Allocations).WithOne().HasForeignKey(a => a.PaymentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Allocations).HasField("allocations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PaymentAllocationConfiguration : IEntityTypeConfiguration<PaymentAllocation>
{
    public void Configure(EntityTypeBuilder<PaymentAllocation> builder)
    {
        builder.Property(a => a.Amount).HasPrecision(18, 2);
        builder.HasIndex(a => new { a.PaymentId, a.Month }).IsUnique();
    }
}
