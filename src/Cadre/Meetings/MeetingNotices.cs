using Cadre.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Cadre.Meetings;

public enum NoticeKind
{
    Invitation = 1,
    Change = 2,
    Cancellation = 3,
}

/// The SMTP server invitations go through (configuration section Smtp); without a host no mail is sent.
public sealed record SmtpSettings
{
    public string? Host { get; init; }

    public int Port { get; init; } = 25;

    public string From { get; init; } = "cadre@localhost";

    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// None (a relay on the same machine), StartTls, SslOnConnect or Auto.
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.Auto;
}

/// Invitations, changes and cancellations by e-mail to everyone on a meeting's roll who has an address, each with the
/// meeting as an iCalendar attachment (REQUEST, or CANCEL) so a mail program puts it in the calendar.
public static class MeetingNotices
{
    public static async Task<int> SendAsync(CadreDbContext db, SmtpSettings smtp, int meetingId, NoticeKind kind, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(smtp.Host)) return 0;
        var meeting = await MeetingQueries.Rows(db, db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)).SingleOrDefaultAsync(ct);
        if (meeting is null) return 0;
        var sequence = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Sequence).SingleAsync(ct);
        var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.Number).Select(a => a.Title).ToListAsync(ct);
        var recipients = await db.Attendees.AsNoTracking().Where(a => a.MeetingId == meetingId && a.Email != null)
            .Select(a => new { a.Name, a.Email }).ToListAsync(ct);
        if (recipients.Count == 0) return 0;

        var calendar = CalendarFeeds.NewCalendar(kind == NoticeKind.Cancellation ? "CANCEL" : "REQUEST");
        calendar.Events.Add(CalendarFeeds.Event(meeting, sequence, db.Now));
        var ics = CalendarFeeds.Serialize(calendar);
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        foreach (var recipient in recipients)
        {
            using var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(smtp.From));
            message.To.Add(new MailboxAddress(recipient.Name, recipient.Email!));
            message.Subject = Subject(kind, meeting);
            var body = new BodyBuilder { TextBody = Text(kind, meeting, agenda, recipient.Name) };
            body.Attachments.Add("meeting.ics", System.Text.Encoding.UTF8.GetBytes(ics),
                new ContentType("text", "calendar") { Parameters = { { "method", calendar.Method! }, { "charset", "utf-8" } } });
            message.Body = body.ToMessageBody();
            await client.SendAsync(message, ct);
        }
        await client.DisconnectAsync(true, ct);
        return recipients.Count;
    }

    private static string Subject(NoticeKind kind, MeetingRow m) => kind switch
    {
        NoticeKind.Invitation => $"Invitation: {m.Title}, {When(m)}",
        NoticeKind.Change => $"Changed: {m.Title}, now {When(m)}",
        _ => $"Cancelled: {m.Title}, {When(m)}",
    };

    private static string Text(NoticeKind kind, MeetingRow m, List<string> agenda, string name)
    {
        var text = new System.Text.StringBuilder();
        text.Append("Dear ").Append(name).Append(",\n\n");
        text.Append(kind switch
        {
            NoticeKind.Invitation => "you are invited to",
            NoticeKind.Change => "the time or place has changed of",
            _ => "this meeting is cancelled:",
        }).Append(' ').Append(m.Title).Append(" of ").Append(m.BodyName is null ? m.OrganizationName : $"{m.BodyName}, {m.OrganizationName}").Append(".\n\n");
        text.Append("When: ").Append(When(m)).Append('\n');
        if (m.Place is not null) text.Append("Where: ").Append(m.Place).Append('\n');
        if (m.OnlineLink is not null) text.Append("Online: ").Append(m.OnlineLink).Append('\n');
        if (agenda.Count > 0 && kind != NoticeKind.Cancellation)
        {
            text.Append("\nAgenda:\n");
            for (var i = 0; i < agenda.Count; i++) text.Append(i + 1).Append(". ").Append(agenda[i]).Append('\n');
        }
        return text.ToString();
    }

    private static string When(MeetingRow m) =>
        m.StartsAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
}
