using System.Globalization;

namespace Dashboard.Domain.Time;

/// <summary>A UK council financial year, 1 April to 31 March, named by its start year ("2010/11").</summary>
public readonly record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    public DateOnly Start => new(StartYear, 4, 1);

    public DateOnly End => new(StartYear + 1, 3, 31);

    public string Label => $"{StartYear}/{(StartYear + 1) % 100:00}";

    public static FinancialYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public FinancialYear Previous => new(StartYear - 1);

    public FinancialYear Next => new(StartYear + 1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The twelve months of the year, April first, as first-of-month dates.</summary>
    public IEnumerable<DateOnly> Months
    {
        get
        {
            var start = Start;
            return Enumerable.Range(0, 12).Select(start.AddMonths);
        }
    }

    public FinancialQuarter Quarter(int number) => new(this, number);

    public IEnumerable<FinancialQuarter> Quarters
    {
        get
        {
            var year = this;
            return Enumerable.Range(1, 4).Select(n => new FinancialQuarter(year, n));
        }
    }

    /// <summary>Parses "2010/11" (or "2010-11", or "2010").</summary>
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var first = text.Trim().Split('/', '-')[0];
        if (first.Length == 4 && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            year = new FinancialYear(start);
            return true;
        }

        return false;
    }

    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    public static bool operator <(FinancialYear left, FinancialYear right) => left.CompareTo(right) < 0;

    public static bool operator <=(FinancialYear left, FinancialYear right) => left.CompareTo(right) <= 0;

    public static bool operator >(FinancialYear left, FinancialYear right) => left.CompareTo(right) > 0;

    public static bool operator >=(FinancialYear left, FinancialYear right) => left.CompareTo(right) >= 0;

    public override string ToString() => Label;
}

/// <summary>A quarter of a financial year: Q1 is April–June, Q4 is January–March.</summary>
public readonly record struct FinancialQuarter : IComparable<FinancialQuarter>
{
    public FinancialQuarter(FinancialYear year, int number)
    {
        if (number is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "A quarter is numbered 1 to 4.");
        }

        Year = year;
        Number = number;
    }

    public FinancialYear Year { get; }

    public int Number { get; }

    public DateOnly Start => Year.Start.AddMonths((Number - 1) * 3);

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public string Label => $"Q{Number} {Year.Label}";

    public static FinancialQuarter Of(DateOnly date)
    {
        var year = FinancialYear.Of(date);
        var monthsIn = ((date.Year - year.StartYear) * 12) + date.Month - 4;
        return new FinancialQuarter(year, (monthsIn / 3) + 1);
    }

    public FinancialQuarter Previous => Number == 1 ? new(Year.Previous, 4) : new(Year, Number - 1);

    public FinancialQuarter Next => Number == 4 ? new(Year.Next, 1) : new(Year, Number + 1);

    /// <summary>The same quarter a year earlier, for year-on-year comparison.</summary>
    public FinancialQuarter SameQuarterLastYear => new(Year.Previous, Number);

    public IEnumerable<DateOnly> Months
    {
        get
        {
            var start = Start;
            return Enumerable.Range(0, 3).Select(start.AddMonths);
        }
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public int CompareTo(FinancialQuarter other) =>
        Year.CompareTo(other.Year) is var byYear and not 0 ? byYear : Number.CompareTo(other.Number);

    public static bool operator <(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) < 0;

    public static bool operator <=(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) <= 0;

    public static bool operator >(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) > 0;

    public static bool operator >=(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) >= 0;

    public override string ToString() => Label;
}
