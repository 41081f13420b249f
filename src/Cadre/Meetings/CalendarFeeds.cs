using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Meetings;

public sealed record CalendarRow(int Id, string Hint, int? OrganizationId, string? OrganizationName, bool Mine, DateTime CreatedAt, DateTime? RevokedAt);

public sealed record IssuedCalendar(int Id, string Secret);

/// iCalendar feeds at secret addresses: an organization's meetings (for whoever may read them) or a member's own (the
/// meetings on whose roll they stand). The address is shown once; revoking it ends it. A feed lists the meetings from
/// half a year back on, cancelled ones marked so calendars drop them.
public static class CalendarFeeds
{
    public const int MaxEvents = 500;

    public static async Task<Result<IssuedCalendar>> IssueForOrganizationAsync(CadreDbContext db, Actor actor, int organizationId, CancellationToken ct)
    {
        if (actor.UserId is null) return new CalendarNotPermitted();
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct) || !await actor.CanAsync(db, Permission.MeetingsRead, organizationId, ct))
            return new MeetingOrganizationNotFound();
        return await IssueAsync(db, actor.UserId, organizationId, null, ct);
    }

    public static async Task<Result<IssuedCalendar>> IssueMineAsync(CadreDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.UserId is null || actor.PersonId is null) return new NoMemberCalendar();
        return await IssueAsync(db, actor.UserId, null, actor.PersonId, ct);
    }

    public static async Task<Result<Done>> RevokeAsync(CadreDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var token = await db.CalendarTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == actor.UserId, ct);
        if (token is null) return new CalendarTokenNotFound();
        token.Revoke(db.Now);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }

    public static async Task<List<CalendarRow>> ListAsync(CadreDbContext db, Actor actor, CancellationToken ct) =>
        await db.CalendarTokens.AsNoTracking().Where(t => t.UserId == actor.UserId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new CalendarRow(t.Id, t.Hint, t.OrganizationId, db.Organizations.Where(o => o.Id == t.OrganizationId).Select(o => o.Name).FirstOrDefault(),
                t.PersonId != null, t.CreatedAt, t.RevokedAt))
            .ToListAsync(ct);

    /// The feed at a secret address, as iCalendar text; a revoked or unknown address is not found.
    public static async Task<Result<string>> FeedAsync(CadreDbContext db, string secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100 || !secret.StartsWith(CalendarToken.Prefix, StringComparison.Ordinal)) return new CalendarTokenNotFound();
        var hash = PersonalAccessToken.HashOf(secret);
        var token = await db.CalendarTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, ct);
        if (token is null || token.RevokedAt is not null) return new CalendarTokenNotFound();
        var from = db.Now.AddMonths(-6);
        IQueryable<Meeting> meetings;
        string name;
        if (token.OrganizationId is { } organizationId)
        {
            // The user's permissions as they are now: a secretary who left office no longer reads the branch's calendar.
            var actor = await ActorLoader.LoadAsync(db, token.UserId, ct);
            if (actor is null || !await actor.CanAsync(db, Permission.MeetingsRead, organizationId, ct)) return new CalendarTokenNotFound();
            meetings = db.Meetings.Where(m => m.OrganizationId == organizationId);
            name = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(ct);
        }
        else
        {
            var personId = token.PersonId!.Value;
            meetings = db.Meetings.Where(m => db.Attendees.Any(a => a.MeetingId == m.Id && a.PersonId == personId));
            name = "My meetings";
        }
        var rows = await MeetingQueries.RowsAsync(db, meetings.AsNoTracking().Where(m => m.StartsAt >= from).OrderBy(m => m.StartsAt).Take(MaxEvents), ct);
        var sequences = await meetings.Where(m => m.StartsAt >= from).Select(m => new { m.Id, m.Sequence }).ToDictionaryAsync(m => m.Id, m => m.Sequence, ct);
        var calendar = NewCalendar("PUBLISH");
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var row in rows) calendar.Events.Add(Event(row, sequences.GetValueOrDefault(row.Id), db.Now));
        return Serialize(calendar);
    }

    internal static Calendar NewCalendar(string method)
    {
        var calendar = new Calendar { ProductId = "-//Cadre//Meetings//EN", Method = method };
        return calendar;
    }

    internal static CalendarEvent Event(MeetingRow meeting, int sequence, DateTime now)
    {
        var description = meeting.BodyName is null ? $"{meeting.KindName} of {meeting.OrganizationName}" : $"{meeting.KindName} of {meeting.BodyName}, {meeting.OrganizationName}";
        if (meeting.OnlineLink is not null) description += $"\nOnline: {meeting.OnlineLink}";
        var e = new CalendarEvent
        {
            Uid = $"meeting-{meeting.Id}@cadre",
            Summary = meeting.Title,
            Description = description,
            Location = meeting.Place ?? meeting.OnlineLink,
            DtStart = new CalDateTime(DateTime.SpecifyKind(meeting.StartsAt, DateTimeKind.Utc)),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(meeting.EndsAt, DateTimeKind.Utc)),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(now, DateTimeKind.Utc)),
            Sequence = sequence,
            Status = meeting.Status == MeetingStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
        };
        if (meeting.OnlineLink is not null) e.Url = new Uri(meeting.OnlineLink);
        return e;
    }

    internal static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";

    private static async Task<Result<IssuedCalendar>> IssueAsync(CadreDbContext db, string userId, int? organizationId, int? personId, CancellationToken ct)
    {
        var (token, secret) = CalendarToken.Issue(userId, organizationId, personId, db.Now);
        db.CalendarTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new IssuedCalendar(token.Id, secret);
    }
}
