using System.Globalization;
using Dashboard.Domain.Export;
using Dashboard.Domain.Organisation;

namespace Dashboard.Import;

/// <summary>
/// One data row of a file, read by column heading. Each reader turns a cell into a value or records a
/// plain-English problem against the row and column, so a definition never formats messages about cells.
/// </summary>
public sealed class ImportRow
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d MMM yyyy", "d MMMM yyyy", "d-MMM-yyyy", "d.M.yyyy"];
    private readonly IReadOnlyDictionary<string, RawCell> cells;
    private readonly List<ImportError> errors;

    internal ImportRow(int number, IReadOnlyDictionary<string, RawCell> cells, List<ImportError> errors)
    {
        Number = number;
        this.cells = cells;
        this.errors = errors;
    }

    /// <summary>The row number as the spreadsheet program shows it.</summary>
    public int Number { get; }

    /// <summary>True once any problem has been recorded for this row.</summary>
    public bool HasErrors => errors.Any(e => e.Row == Number);

    /// <summary>Whether the file has this column at all (an optional column may be left out).</summary>
    public bool HasColumn(string heading) => cells.ContainsKey(heading);

    /// <summary>The cell's text, trimmed; null when blank or the column is absent.</summary>
    public string? Text(string heading)
    {
        if (!cells.TryGetValue(heading, out var cell))
        {
            return null;
        }

        if (cell.IsFormula)
        {
            Error(heading, $"The cell holds a formula (={cell.Text}). Imports take values only: copy the cells and paste them as values.");
            return null;
        }

        // Text the app exported was neutralised against formula injection; read it back as it was written.
        var text = FormulaInjection.Restore(cell.Text.Trim())?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.ReplaceLineEndings("\n");
    }

    /// <summary>A whole number; null when blank. Anything else is recorded as a problem.</summary>
    public int? WholeNumber(string heading)
    {
        var text = Text(heading);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
        {
            return (int)number;
        }

        Error(heading, $"“{text}” is not a whole number; give a number such as 3.");
        return null;
    }

    /// <summary>A date (a date cell, 2011-03-09, 9/3/2011 or 9 Mar 2011, day before month); null when blank.</summary>
    public DateOnly? Date(string heading)
    {
        var text = Text(heading);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return date;
        }

        Error(heading, $"“{text}” is not a date; write it as 9 Mar 2011 or 2011-03-09.");
        return null;
    }

    /// <summary>One of the councils, by code (BDC) or name; null when blank. Anything else is recorded as a problem.</summary>
    public int? Council(string heading, IReadOnlyCollection<Council> councils)
    {
        var text = Text(heading);
        if (text is null)
        {
            return null;
        }

        if (Domain.Organisation.Council.Named(text, councils) is { } council)
        {
            return council.Id;
        }

        Error(heading, $"Give {string.Join(" or ", councils.Select(c => c.Code).Order())}, or leave the cell blank, not “{text}”.");
        return null;
    }

    /// <summary>Records a problem with one cell; a cell already found wrong keeps its first message.</summary>
    public void Error(string heading, string message)
    {
        if (!errors.Any(e => e.Row == Number && e.Column == heading))
        {
            errors.Add(new ImportError(Number, heading, message));
        }
    }

    /// <summary>Records a problem with the row as a whole.</summary>
    public void Error(string message) => errors.Add(new ImportError(Number, null, message));
}
