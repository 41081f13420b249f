using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Cadre.Education.Library;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Courses;

/// Adds a lesson to a course, or changes one: its readings (documents of the library, or a section of one by its
/// heading's anchor) and its questions for discussion.
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
        var saved = await EducationAccess.SaveAsync(db, ct);
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
        var changed = lesson.Change(request.Title, request.Notes, readings.Value, request.Questions);
        if (!changed.IsSuccess) return changed;
        return await EducationAccess.SaveAsync(db, ct);
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
