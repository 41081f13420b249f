using Cadre.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Cadre.Web.Infrastructure;

/// `[Requires(Permission.X)]` on a page: the attribute form of the endpoints' `.Requires(...)`
/// (an attribute argument must be constant, so `[Authorize(Policy = Policies.For(...))]` cannot be written).
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequiresAttribute(Permission permission) : AuthorizeAttribute(Policies.For(permission))
{
    public Permission Permission { get; } = permission;
}
