using Cadre.Education.Library;
using Cadre.Members;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Education.Courses;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(Course.TitleMaxLength);
        builder.Property(c => c.Description).HasMaxLength(Course.TextMaxLength);
        builder.Property(c => c.RequiredFor).HasConversion<int>();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.RequiredFor);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Lessons).WithOne().HasForeignKey(l => l.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Lessons).HasField("lessons").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> builder)
    {
        builder.Property(l => l.Title).HasMaxLength(Lesson.TitleMaxLength);
        builder.Property(l => l.Notes).HasMaxLength(Course.TextMaxLength);
        builder.HasIndex(l => new { l.CourseId, l.Number }).IsUnique();
        builder.HasMany(l => l.Readings).WithOne().HasForeignKey(r => r.LessonId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Readings).HasField("readings").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(l => l.Questions).WithOne().HasForeignKey(q => q.LessonId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Questions).HasField("questions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class LessonReadingConfiguration : IEntityTypeConfiguration<LessonReading>
{
    public void Configure(EntityTypeBuilder<LessonReading> builder)
    {
        builder.Property(r => r.Anchor).HasMaxLength(LessonReading.AnchorMaxLength);
        builder.Property(r => r.Note).HasMaxLength(LessonReading.NoteMaxLength);
        builder.HasIndex(r => r.DocumentId);
        builder.HasOne<Document>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LessonQuestionConfiguration : IEntityTypeConfiguration<LessonQuestion>
{
    public void Configure(EntityTypeBuilder<LessonQuestion> builder) => builder.Property(q => q.Text).HasMaxLength(Lesson.QuestionMaxLength);
}

internal sealed class StudyGroupConfiguration : IEntityTypeConfiguration<StudyGroup>
{
    public void Configure(EntityTypeBuilder<StudyGroup> builder)
    {
        builder.Property(g => g.Format).HasConversion<int>();
        builder.Property(g => g.Place).HasMaxLength(StudyGroup.PlaceMaxLength);
        builder.Property(g => g.Instructor).HasMaxLength(StudyGroup.InstructorMaxLength);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasIndex(g => new { g.OrganizationId, g.StartsOn });
        builder.HasIndex(g => g.CourseId);
        builder.HasOne<Course>().WithMany().HasForeignKey(g => g.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Sessions).WithOne().HasForeignKey(s => s.StudyGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Sessions).HasField("sessions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(g => g.Enrollments).WithOne().HasForeignKey(e => e.StudyGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Enrollments).HasField("enrollments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StudySessionConfiguration : IEntityTypeConfiguration<StudySession>
{
    public void Configure(EntityTypeBuilder<StudySession> builder)
    {
        builder.Property(s => s.Place).HasMaxLength(StudyGroup.PlaceMaxLength);
        builder.HasIndex(s => new { s.StudyGroupId, s.Number }).IsUnique();
        builder.HasIndex(s => new { s.OrganizationId, s.On });
        builder.HasOne<Lesson>().WithMany().HasForeignKey(s => s.LessonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(s => s.Attendance).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Attendance).HasField("attendance").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> builder)
    {
        builder.Property(e => e.CertificateNumber).HasMaxLength(20);
        builder.HasIndex(e => new { e.StudyGroupId, e.MemberId }).IsUnique();
        builder.HasIndex(e => new { e.MemberId, e.CourseId });
        builder.HasIndex(e => new { e.CourseId, e.CompletedOn });
        builder.HasIndex(e => e.CertificateNumber).IsUnique();
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Course>().WithMany().HasForeignKey(e => e.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StudyAttendanceConfiguration : IEntityTypeConfiguration<StudyAttendance>
{
    public void Configure(EntityTypeBuilder<StudyAttendance> builder)
    {
        builder.HasIndex(a => new { a.SessionId, a.EnrollmentId }).IsUnique();
        builder.HasIndex(a => a.EnrollmentId);
        builder.HasOne<Enrollment>().WithMany().HasForeignKey(a => a.EnrollmentId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class EducationSettingsConfiguration : IEntityTypeConfiguration<EducationSettings>
{
    public void Configure(EntityTypeBuilder<EducationSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
