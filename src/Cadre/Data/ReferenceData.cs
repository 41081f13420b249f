using Cadre.Members;
using Cadre.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data;

/// The default levels and lists a new installation starts with; an administrator may change them afterwards.
public static class ReferenceData
{
    public static async Task EnsureAsync(CadreDbContext db, CancellationToken ct)
    {
        if (!await db.Levels.AnyAsync(ct))
        {
            db.Levels.AddRange(Level.Defaults.Select((name, rank) => new Level { Name = name, Rank = rank }));
        }
        if (!await db.Classifiers.AnyAsync(ct))
        {
            db.Classifiers.AddRange(Classifier.DefaultOccupations.Select((c, i) =>
                new Classifier { Kind = ClassifierKind.Occupation, Code = c.Code, Name = c.Name, SortOrder = i }));
            db.Classifiers.AddRange(Classifier.DefaultEducation.Select((c, i) =>
                new Classifier { Kind = ClassifierKind.Education, Code = c.Code, Name = c.Name, SortOrder = i }));
        }
        await db.SaveChangesAsync(ct);
        if (!await db.MeetingKinds.AnyAsync(ct))
        {
            var primary = await db.Levels.OrderByDescending(l => l.Rank).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
            foreach (var (name, quorum, every, atPrimary) in Meetings.MeetingKind.Defaults)
                db.MeetingKinds.Add(Meetings.MeetingKind.Define(name, quorum, every, atPrimary ? primary : null).Value);
            await db.SaveChangesAsync(ct);
        }
    }
}
