using System.Globalization;
using System.Text.Json;
using Cadre.Accounts;
using Cadre.Audit;
using Cadre.Common;
using Cadre.Data;
using Cadre.Education.Library;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Courses;

/// Adds a lesson to a course, or changes one: its readings (documents of the library, or a section of one by its
/// heading's anchor) and its questions for discussion. Readings and questions are rows of their own, which the audit trail
/// would only see as anonymous inserts and deletes: each add or change writes one entry with the lesson's content before
/// and after, in the transaction of the change.
public static class AddLesson
{
    public sealed record Reading(int DocumentId, string? Anchor = null, string? Note = null);

    public sealed record Request
    {
        public string Title { get; init; } = "";

        public string? Notes { get; init; }

        public IReadOnlyList<Reading> Readings { get; init; } = [];

        public IReadOnlyList<string> Questions { get; init; } = [];
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int courseId, Request request, CancellationToken ct)
    {
        var course = await EducationAccess.CourseAsync(db, actor, courseId, ct);
        if (!course.IsSuccess) return course.Error;
        var readings = await ReadingsAsync(db, request.Readings, ct);
        if (!readings.IsSuccess) return readings.Error;
        var lesson = course.Value.AddLesson(request.Title, request.Notes, readings.Value, request.Questions);
        if (!lesson.IsSuccess) return lesson.Error;
        var saved = await SaveAuditedAsync(db, course.Value, lesson.Value, null, ct);
        return saved.IsSuccess ? lesson.Value.Id : saved.Error;
    }

    public static async Task<Result<Done>> ChangeAsync(CadreDbContext db, Actor actor, int courseId, int lessonId, Request request, CancellationToken ct)
    {
        var course = await EducationAccess.CourseAsync(db, actor, courseId, ct);
        if (!course.IsSuccess) return course.Error;
        var lesson = course.Value.Lessons.FirstOrDefault(l => l.Id == lessonId);
        if (lesson is null) return new LessonNotFound();
        var readings = await ReadingsAsync(db, request.Readings, ct);
        if (!readings.IsSuccess) return readings.Error;
        var before = Content(lesson);
        var changed = lesson.Change(request.Title, request.Notes, readings.Value, request.Questions);
        if (!changed.IsSuccess) return changed;
        return await SaveAuditedAsync(db, course.Value, lesson, before, ct);
    }

    /// The lesson as the trail records it: title, notes, readings and questions, in their order.
    internal static string Content(Lesson lesson) => JsonSerializer.Serialize(new
    {
        lesson.Title,
        lesson.Notes,
        Readings = lesson.Readings.OrderBy(r => r.Number).Select(r => new { r.DocumentId, r.Anchor, r.Note }),
        Questions = lesson.Questions.OrderBy(q => q.Number).Select(q => q.Text),
    });

    private static async Task<Result<Done>> SaveAuditedAsync(CadreDbContext db, Course course, Lesson lesson, string? before, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var saved = await EducationAccess.SaveAsync(db, ct);
            if (!saved.IsSuccess) return saved;
            var after = Content(lesson);
            if (after != before)
            {
                var actor = db.CurrentActor.Actor;
                db.AuditEntries.Add(new AuditEntry
                {
                    At = db.Now,
                    UserId = actor.UserId,
                    UserName = actor.Name,
                    EntityType = "LessonContent",
                    EntityId = lesson.Id.ToString(CultureInfo.InvariantCulture),
                    Action = before is null ? AuditAction.Created : AuditAction.Updated,
                    OrganizationId = course.OrganizationId,
                    Before = before,
                    After = after,
                });
                await db.SaveChangesAsync(ct);
            }
            if (transaction is not null) await transaction.CommitAsync(ct);
            return Done.Value;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    // Every reading names a document of the library and, when it names a section, a heading the current version has.
    private static async Task<Result<IReadOnlyList<LessonReading>>> ReadingsAsync(CadreDbContext db, IReadOnlyList<Reading> readings, CancellationToken ct)
    {
        var ids = readings.Select(r => r.DocumentId).Distinct().ToList();
        var known = await db.Documents.Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        var result = new List<LessonReading>();
        foreach (var (reading, i) in readings.Select((r, i) => (r, i)))
        {
            if (!known.Contains(reading.DocumentId)) return new ReadingDocumentNotFound(i);
            var anchor = reading.Anchor?.Trim().TrimStart('#');
            if (!string.IsNullOrEmpty(anchor) && (await LibraryQueries.HeadingsAsync(db, reading.DocumentId, ct)).All(h => h.Anchor != anchor))
                return new ReadingSectionNotFound(i, anchor);
            if (reading.Note?.Length > LessonReading.NoteMaxLength) return new InvalidField($"Readings[{i}].Note", $"At most {LessonReading.NoteMaxLength} characters.");
            result.Add(new LessonReading(i + 1, reading.DocumentId, anchor, reading.Note));
        }
        return result;
    }
}
