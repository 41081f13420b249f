using Cadre.Common;

namespace Cadre.Tests.Common;

public sealed class MarkdownTests
{
    [Fact]
    public void Markdown_renders_headings_lists_tables_and_emphasis()
    {
        var html = Markdown.ToHtml("# Minutes\n\n- one\n- **two**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<li><strong>two</strong></li>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_in_the_source_is_shown_as_text_not_run()
    {
        var html = Markdown.ToHtml("Hello <script>alert(1)</script> <img src=x onerror=alert(2)>");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x]( vbscript:msgbox )")]
    public void Links_that_would_run_code_are_neutralised(string source)
    {
        var html = Markdown.ToHtml(source);
        Assert.Contains("href=\"#\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](https://example.org/a)", "https://example.org/a")]
    [InlineData("[x](/members/3)", "/members/3")]
    [InlineData("[x](mailto:a@example.org)", "mailto:a@example.org")]
    public void Ordinary_links_are_kept(string source, string href) =>
        Assert.Contains($"href=\"{href}\"", Markdown.ToHtml(source), StringComparison.Ordinal);

    [Fact]
    public void Plain_text_drops_the_markup() => Assert.Equal("Minutes\none two", Markdown.ToPlainText("# Minutes\n\none **two**"));
}
