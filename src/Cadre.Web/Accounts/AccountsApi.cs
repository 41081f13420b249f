using Cadre.Web.Infrastructure;

namespace Cadre.Web.Accounts;

public static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", async (ActorAccessor actors, CancellationToken ct) =>
        {
            var actor = await actors.GetAsync(ct);
            return Results.Ok(new
            {
                id = actor.UserId,
                name = actor.Name,
                personId = actor.PersonId,
                roles = actor.Grants.Select(g => new { role = g.Role.ToString(), organizationId = g.OrganizationId }),
            });
        }).RequireAuthorization(Policies.SignedIn).WithTags("Accounts").WithSummary("Who you are and the roles you hold.");
    }
}
