using System.Security.Claims;
using Cadre.Accounts;
using Cadre.Data;

namespace Cadre.Web.Infrastructure;

/// The acting user of this request, loaded once from the database and handed to the DbContext for the audit trail.
public sealed class ActorAccessor(IHttpContextAccessor http, CadreDbContext db)
{
    private Actor? actor;

    public async Task<Actor> GetAsync(CancellationToken ct = default)
    {
        if (actor is not null) return actor;
        var user = http.HttpContext?.User;
        var userId = user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        actor = userId is null ? Actor.Anonymous : await ActorLoader.LoadAsync(db, userId, ct) ?? Actor.Anonymous;
        db.CurrentActor.Actor = actor;
        return actor;
    }
}
