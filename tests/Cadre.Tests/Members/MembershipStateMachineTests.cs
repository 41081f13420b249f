using Cadre.Members;

namespace Cadre.Tests.Members;

public sealed class MembershipStateMachineTests
{
    [Fact]
    public void The_diagram_in_docs_membership_md_is_the_one_the_code_enforces()
    {
        var doc = File.ReadAllText(RepositoryFile("docs/membership.md"));
        var start = doc.IndexOf("```mermaid\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/membership.md has no ```mermaid block.");
        start += "```mermaid\n".Length;
        var documented = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        Assert.True(documented == MembershipStateMachine.Mermaid(),
            "docs/membership.md's diagram differs from MembershipStateMachine.Transitions; replace the block with:\n" + MembershipStateMachine.Mermaid());
    }

    [Fact]
    public void Every_status_but_the_legacy_former_is_reached_by_some_step_and_every_status_is_left_by_one()
    {
        var reached = MembershipStateMachine.Transitions.Select(t => t.To).ToHashSet();
        var left = MembershipStateMachine.Transitions.Where(t => t.From is not null && t.From != t.To).Select(t => t.From!.Value).ToHashSet();

        Assert.Equal(Enum.GetValues<MemberStatus>().Except([MemberStatus.Former]).Order(), reached.Order());
        Assert.Equal(Enum.GetValues<MemberStatus>().Except([MemberStatus.Deceased]).Order(), left.Order());
    }

    [Fact]
    public void Status_names_are_the_words_a_register_holds_and_old_numbers_are_kept()
    {
        Assert.Equal((1, 2, 3), ((int)MemberStatus.Candidate, (int)MemberStatus.Member, (int)MemberStatus.Former));
        Assert.True(Enum.TryParse<MemberStatus>("expelled", ignoreCase: true, out var expelled) && expelled == MemberStatus.Expelled);
    }

    private static string RepositoryFile(string relativePath)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, relativePath);
                if (File.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "Cadre.slnx"))) return candidate;
            }
        }
        throw new FileNotFoundException($"{relativePath} was not found above {AppContext.BaseDirectory}.");
    }
}
