using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Members;

/// How many members of one status and occupation are in the strict subtree of an organization (everything below it,
/// not the organization itself). Kept by database triggers on every change that moves a member in or out of a cell
/// (MemberTallySql), so the counts at the top of the tree are a few rows to read instead of a million (decision 0012).
public sealed class MemberTally
{
    public int OrganizationId { get; private set; }

    public MemberStatus Status { get; private set; }

    /// The person's occupation category; 0 when none is recorded (a key column cannot be null).
    public int OccupationId { get; private set; }

    public int Members { get; private set; }
}

internal sealed class MemberTallyConfiguration : IEntityTypeConfiguration<MemberTally>
{
    public void Configure(EntityTypeBuilder<MemberTally> builder)
    {
        builder.HasKey(t => new { t.OrganizationId, t.Status, t.OccupationId });
        // No foreign keys: the rows are derived, written only by triggers and rebuilt from the members at will.
    }
}
