using Cadre.Data;
using Cadre.Meetings;

namespace Cadre.Web.Meetings;

/// Sends a meeting's notices after the change was saved. A mail server that is down does not undo the change: the
/// failure is logged and the page or endpoint answers as usual.
public sealed class MeetingMailer(IConfiguration configuration, ILogger<MeetingMailer> logger)
{
    private readonly SmtpSettings smtp = configuration.GetSection("Smtp").Get<SmtpSettings>() ?? new SmtpSettings();

    public async Task NotifyAsync(CadreDbContext db, int meetingId, NoticeKind kind, CancellationToken ct)
    {
        try
        {
            var sent = await MeetingNotices.SendAsync(db, smtp, meetingId, kind, ct);
            if (sent > 0 && logger.IsEnabled(LogLevel.Information)) logger.LogInformation("Sent {Count} {Kind} notice(s) of meeting {Meeting}.", sent, kind, meetingId);
        }
        catch (Exception e) when (e is MailKit.ProtocolException or MailKit.CommandException or IOException or System.Net.Sockets.SocketException)
        {
            logger.LogWarning(e, "The {Kind} notices of meeting {Meeting} could not be sent.", kind, meetingId);
        }
    }
}
