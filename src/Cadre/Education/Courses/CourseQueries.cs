using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Education.Courses;

public sealed record CourseRow(int Id, string Title, int OrganizationId, string OrganizationName, RequiredStage RequiredFor, int CompletionPercent, int Lessons);

public sealed record ReadingView(int DocumentId, string DocumentTitle, string? Anchor, string? SectionTitle, string? Note, string DocumentKey);

public sealed record LessonView(int Id, int Number, string Title, string? Notes, IReadOnlyList<ReadingView> Readings, IReadOnlyList<string> Questions);

public sealed record CourseView(int Id, string Title, string? Description, int OrganizationId, string OrganizationName, RequiredStage RequiredFor,
    int CompletionPercent, IReadOnlyList<LessonView> Lessons, int Version, bool CanEdit);

/// Courses are the party's curriculum: whoever reads education (or is enrolled) reads every course.
public static class CourseQueries
{
    public static async Task<Result<CursorPage<CourseRow>>> ListAsync(CadreDbContext db, string? cursor, int take, CancellationToken ct)
    {
        var courses = db.Courses.AsNoTracking();
        if (cursor is not null)
        {
            if (Cursor.Decode(cursor) is not { Key: "course" } c) return new InvalidCursor();
            courses = courses.Where(x => x.Id > c.Id);
        }
        take = Math.Clamp(take, 1, 200);
        var rows = await courses.OrderBy(c => c.Id).Take(take + 1)
            .Select(c => new CourseRow(c.Id, c.Title, c.OrganizationId, db.Organizations.Where(o => o.Id == c.OrganizationId).Select(o => o.Name).First(),
                c.RequiredFor, c.CompletionPercent, c.Lessons.Count))
            .ToListAsync(ct);
        var next = rows.Count > take ? Cursor.Encode("course", rows[take - 1].Id) : null;
        return new CursorPage<CourseRow>(rows.Take(take).ToList(), next);
    }

    public static async Task<Result<CourseView>> GetAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().Include(c => c.Lessons).ThenInclude(l => l.Readings).Include(c => c.Lessons).ThenInclude(l => l.Questions)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (course is null) return new CourseNotFound();
        var documentIds = course.Lessons.SelectMany(l => l.Readings).Select(r => r.DocumentId).Distinct().ToList();
        var documents = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => new { d.Title, d.Key }, ct);
        var headings = new Dictionary<int, IReadOnlyList<Library.DocumentHeading>>();
        foreach (var documentId in course.Lessons.SelectMany(l => l.Readings).Where(r => r.Anchor is not null).Select(r => r.DocumentId).Distinct())
            headings[documentId] = await Library.LibraryQueries.HeadingsAsync(db, documentId, ct);
        var organization = await db.Organizations.Where(o => o.Id == course.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var lessons = course.Lessons.OrderBy(l => l.Number).Select(l => new LessonView(l.Id, l.Number, l.Title, l.Notes,
            l.Readings.OrderBy(r => r.Number).Select(r => new ReadingView(r.DocumentId, documents.GetValueOrDefault(r.DocumentId)?.Title ?? "", r.Anchor,
                r.Anchor is null ? null : headings.GetValueOrDefault(r.DocumentId)?.FirstOrDefault(h => h.Anchor == r.Anchor)?.Title, r.Note,
                documents.GetValueOrDefault(r.DocumentId)?.Key ?? "")).ToList(),
            l.Questions.OrderBy(q => q.Number).Select(q => q.Text).ToList())).ToList();
        return new CourseView(course.Id, course.Title, course.Description, course.OrganizationId, organization, course.RequiredFor, course.CompletionPercent,
            lessons, course.Version, await actor.CanAsync(db, Permission.EducationManage, course.OrganizationId, ct));
    }
}
