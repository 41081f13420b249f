using System.ComponentModel;
using System.Security.Cryptography;
using Cadre.Accounts;
using Cadre.Cli.Infrastructure;
using Cadre.Common;
using Cadre.Data;
using Microsoft.AspNetCore.Identity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cadre.Cli.Accounts;

internal sealed class AddUserCommand(CadreDbContext db, UserManager<CadreUser> users, Actor actor, IAnsiConsole console)
    : AsyncCommand<AddUserCommand.Settings>
{
    // The use case names its fields; the user typed options.
    private static readonly Dictionary<string, string> Options = new()
    {
        ["Email"] = "--email",
        ["Password"] = "--password",
        ["Role"] = "--role",
        ["OrganizationCode"] = "--org",
        ["MemberNumber"] = "--member",
    };

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--email <EMAIL>", isRequired: true)]
        [Description("The email address the user signs in with.")]
        public string Email { get; init; } = "";

        [CommandOption("--role <ROLE>", isRequired: true)]
        [Description("administrator, secretary, treasurer, education-officer, international-officer, control-commission or member.")]
        public string Role { get; init; } = "";

        [CommandOption("--org <CODE>")]
        [Description("The code of the organization the role holds at (and below). None for an administrator.")]
        public string? Organization { get; init; }

        [CommandOption("--password <PASSWORD>")]
        [Description("The password; when left out a strong one is generated and printed once.")]
        public string? Password { get; init; }

        [CommandOption("--member <NUMBER>")]
        [Description("The member number of the person this account belongs to.")]
        public string? Member { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (RoleNames.Parse(settings.Role) is not { } role)
            return Output.Fail(console, new InvalidField("Role", $"'{settings.Role}' is not a role; use one of {string.Join(", ", RoleNames.All)}."), Options);
        if (!await Output.EnsureMigratedAsync(console, db, cancellationToken)) return 1;

        var generated = settings.Password is null;
        var password = settings.Password ?? GeneratePassword();
        var created = await CreateUser.HandleAsync(db, users, actor, new CreateUser.Request
        {
            Email = settings.Email,
            Password = password,
            Role = role,
            OrganizationCode = settings.Organization,
            MemberNumber = settings.Member,
        }, cancellationToken);
        if (!created.IsSuccess) return Output.Fail(console, created.Error, Options);

        var where = role == Role.Administrator ? "everywhere" : $"at {Cadre.Organizations.Organization.NormalizeCode(settings.Organization ?? "")}";
        console.MarkupLineInterpolated($"[green]Created[/] {settings.Email.Trim()} as {Permissions.Describe(role)} {where} (user id {created.Value}).");
        if (generated) console.MarkupLineInterpolated($"Password (shown only now): [bold]{password}[/]");
        return 0;
    }

    /// 20 characters from an alphabet without look-alikes: about 115 bits, typed without confusion.
    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
}
