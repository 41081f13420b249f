using Cadre.Accounts;
using Cadre.Common;
using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Meetings;

/// Invites a guest: a person Cadre knows (a member of another organization, a supporter) or someone from outside by
/// name and e-mail. Guests attend without counting for quorum.
public static class InviteGuest
{
    public sealed record Request
    {
        public int? PersonId { get; init; }

        public string? Name { get; init; }

        public string? Email { get; init; }
    }

    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int meetingId, Request request, CancellationToken ct)
    {
        var meeting = await MeetingAccess.MeetingAsync(db, actor, meetingId, ct, roll: true);
        if (!meeting.IsSuccess) return meeting.Error;
        var (name, email) = (request.Name, request.Email);
        if (request.PersonId is { } personId)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.GivenName, p.FamilyName, p.Email }).SingleOrDefaultAsync(ct);
            if (person is null) return new GuestPersonNotFound();
            name = string.IsNullOrWhiteSpace(name) ? $"{person.GivenName} {person.FamilyName}" : name;
            email = string.IsNullOrWhiteSpace(email) ? person.Email : email;
        }
        var guest = meeting.Value.InviteGuest(request.PersonId, name ?? "", email);
        if (!guest.IsSuccess) return guest.Error;
        var saved = await MeetingAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? guest.Value.Id : saved.Error;
    }
}

/// Draws the roll again from who is entitled now (members admitted or gone, offices changed since it was scheduled).
public static class RefreshRoll
{
    public static async Task<Result<int>> HandleAsync(CadreDbContext db, Actor actor, int meetingId, CancellationToken ct)
    {
        var meeting = await MeetingAccess.MeetingAsync(db, actor, meetingId, ct, roll: true);
        if (!meeting.IsSuccess) return meeting.Error;
        var added = meeting.Value.DrawRoll(await MeetingAccess.EntitledAsync(db, meeting.Value, ct));
        if (!added.IsSuccess) return added;
        var saved = await MeetingAccess.SaveAsync(db, ct);
        return saved.IsSuccess ? added.Value : saved.Error;
    }
}
