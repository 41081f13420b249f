using Cadre.Data;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Infrastructure;

/// On SQLite, opens the request's database connection once and leaves it open until the request's context is disposed.
/// EF otherwise opens and closes the connection around every query, and each open and close takes the lock of
/// Microsoft.Data.Sqlite's connection pool: a page of seven queries took it fourteen times, and under 50 concurrent
/// requests that lock was where the member list spent more time than in its query. PostgreSQL's pool has no such lock.
public sealed class SqliteConnectionPerRequest(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CadreDbContext db)
    {
        // The context closes the connection it opened when the request scope disposes it.
        if (db.Database.IsSqlite()) await db.Database.OpenConnectionAsync(context.RequestAborted);
        await next(context);
    }
}
