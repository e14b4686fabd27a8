using Dashboard.Domain.Export;

namespace Dashboard.Tests.Domain;

public sealed class FormulaInjectionTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"Click\")", "'=HYPERLINK(\"http://evil\",\"Click\")")]
    [InlineData("+44 1527 881430", "'+44 1527 881430")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("Overspend noted", "Overspend noted")]
    [InlineData("", "")]
    public void Text_that_a_spreadsheet_would_run_is_made_inert(string text, string expected) =>
        Assert.Equal(expected, FormulaInjection.Neutralise(text));

    [Fact]
    public void Nothing_stays_nothing() => Assert.Null(FormulaInjection.Neutralise(null));

    [Theory]
    [InlineData("- see the December report")]
    [InlineData("=HYPERLINK(\"http://evil\",\"Click\")")]
    [InlineData("'quoted on purpose'")]
    [InlineData("Overspend noted")]
    public void Exported_text_reads_back_as_it_was_written(string text) =>
        Assert.Equal(text, FormulaInjection.Restore(FormulaInjection.Neutralise(text)));
}
