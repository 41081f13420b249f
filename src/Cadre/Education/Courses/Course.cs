using Cadre.Audit;
using Cadre.Common;

namespace Cadre.Education.Courses;

/// The stage of membership a course is required for: candidates complete it before they are confirmed; full members
/// are expected to (it counts in the statistics, it blocks nothing).
public enum RequiredStage
{
    None = 0,
    Candidate = 1,
    FullMember = 2,
}

/// A course of study: lessons with readings from the library and questions for discussion. Published by an
/// organization, whose education officers edit it; any organization may run it as a study group.
public sealed class Course : IAudited
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 20_000;

    private readonly List<Lesson> lessons = [];

    private Course()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public RequiredStage RequiredFor { get; private set; }

    /// The share of a study group's sessions a participant attends to complete the course.
    public int CompletionPercent { get; private set; } = 80;

    public int Version { get; private set; }

    public IReadOnlyList<Lesson> Lessons => lessons;

    int? IAudited.AuditOrganizationId => OrganizationId;

    public static Result<Course> Create(int organizationId, string title, string? description, RequiredStage requiredFor, int completionPercent)
    {
        var course = new Course { OrganizationId = organizationId };
        var changed = course.Change(title, description, requiredFor, completionPercent);
        return changed.IsSuccess ? course : changed.Error;
    }

    public Result<Done> Change(string title, string? description, RequiredStage requiredFor, int completionPercent)
    {
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new InvalidField("Title", "Give the course a title."));
        else if (title.Trim().Length > TitleMaxLength) errors.Add(new InvalidField("Title", $"The title has at most {TitleMaxLength} characters."));
        if (description?.Length > TextMaxLength) errors.Add(new InvalidField("Description", $"The description has at most {TextMaxLength:N0} characters."));
        if (!Enum.IsDefined(requiredFor)) errors.Add(new InvalidField("RequiredFor", "That is not a stage of membership."));
        if (completionPercent is < 1 or > 100) errors.Add(new InvalidField("CompletionPercent", "Between 1 and 100 % of the sessions."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        Title = title.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        RequiredFor = requiredFor;
        CompletionPercent = completionPercent;
        Version++;
        return Done.Value;
    }

    /// How many of a group's sessions a participant must attend: the share, rounded up.
    public int RequiredSessions(int sessions) => (int)Math.Ceiling(sessions * CompletionPercent / 100.0);

    public Result<Lesson> AddLesson(string title, string? notes, IReadOnlyList<LessonReading> readings, IReadOnlyList<string> questions)
    {
        var lesson = new Lesson { Number = lessons.Count == 0 ? 1 : lessons.Max(l => l.Number) + 1 };
        var changed = lesson.Change(title, notes, readings, questions);
        if (!changed.IsSuccess) return changed.Error;
        lessons.Add(lesson);
        Version++;
        return lesson;
    }
}

public sealed class Lesson : IAudited
{
    public const int TitleMaxLength = 200;
    public const int QuestionMaxLength = 1000;
    public const int MaxReadings = 30;
    public const int MaxQuestions = 30;

    private readonly List<LessonReading> readings = [];
    private readonly List<LessonQuestion> questions = [];

    internal Lesson()
    {
    }

    public int Id { get; private set; }

    public int CourseId { get; private set; }

    public int Number { get; internal set; }

    public string Title { get; private set; } = "";

    /// What the lesson is about and how to lead it (Markdown).
    public string? Notes { get; private set; }

    public IReadOnlyList<LessonReading> Readings => readings;

    public IReadOnlyList<LessonQuestion> Questions => questions;

    int? IAudited.AuditOrganizationId => null;

    public Result<Done> Change(string title, string? notes, IReadOnlyList<LessonReading> newReadings, IReadOnlyList<string> newQuestions)
    {
        var errors = new List<InvalidField>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new InvalidField("Title", "Give the lesson a title."));
        else if (title.Trim().Length > TitleMaxLength) errors.Add(new InvalidField("Title", $"The title has at most {TitleMaxLength} characters."));
        if (notes?.Length > Course.TextMaxLength) errors.Add(new InvalidField("Notes", $"The notes have at most {Course.TextMaxLength:N0} characters."));
        var cleanQuestions = newQuestions.Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => q.Trim()).ToList();
        if (cleanQuestions.Count > MaxQuestions) errors.Add(new InvalidField("Questions", $"A lesson has at most {MaxQuestions} questions."));
        foreach (var (q, i) in cleanQuestions.Select((q, i) => (q, i)))
            if (q.Length > QuestionMaxLength) errors.Add(new InvalidField($"Questions[{i}]", $"A question has at most {QuestionMaxLength} characters."));
        if (newReadings.Count > MaxReadings) errors.Add(new InvalidField("Readings", $"A lesson has at most {MaxReadings} readings."));
        if (errors.Count > 0) return new ValidationFailed(errors);
        Title = title.Trim();
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        readings.Clear();
        readings.AddRange(newReadings.Select((r, i) => new LessonReading(i + 1, r.DocumentId, r.Anchor, r.Note)));
        questions.Clear();
        questions.AddRange(cleanQuestions.Select((q, i) => new LessonQuestion(i + 1, q)));
        return Done.Value;
    }
}

/// A reading of a lesson: a document of the library, or one section of it (the anchor of a heading).
public sealed class LessonReading
{
    public const int AnchorMaxLength = 200;
    public const int NoteMaxLength = 300;

    private LessonReading()
    {
    }

    public LessonReading(int number, int documentId, string? anchor, string? note)
    {
        Number = number;
        DocumentId = documentId;
        Anchor = string.IsNullOrWhiteSpace(anchor) ? null : anchor.Trim().TrimStart('#');
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public int Id { get; private set; }

    public int LessonId { get; private set; }

    public int Number { get; private set; }

    public int DocumentId { get; private set; }

    public string? Anchor { get; private set; }

    /// What to read of it ("sections 1 to 3").
    public string? Note { get; private set; }
}

public sealed class LessonQuestion
{
    private LessonQuestion()
    {
    }

    internal LessonQuestion(int number, string text)
    {
        Number = number;
        Text = text;
    }

    public int Id { get; private set; }

    public int LessonId { get; private set; }

    public int Number { get; private set; }

    public string Text { get; private set; } = "";
}
