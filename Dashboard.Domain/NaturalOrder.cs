namespace Dashboard.Domain;

/// <summary>Orders references the way people read them: "2" before "10", "ICT-2" before "ICT-10".</summary>
public sealed class NaturalOrder : IComparer<string>
{
    public static NaturalOrder Instance { get; } = new();

    /// <summary>A key that sorts ordinally in natural order, for components that sort by key: digit runs are zero-padded.</summary>
    public static string SortKey(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.ToUpperInvariant(), "[0-9]+", m => m.Value.TrimStart('0').PadLeft(10, '0'));

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return string.CompareOrdinal(x, y);
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var startI = i;
                var startJ = j;
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                var numberX = x[startI..i].TrimStart('0');
                var numberY = y[startJ..j].TrimStart('0');
                var byLength = numberX.Length.CompareTo(numberY.Length);
                if (byLength != 0)
                {
                    return byLength;
                }

                var byDigits = string.CompareOrdinal(numberX, numberY);
                if (byDigits != 0)
                {
                    return byDigits;
                }
            }
            else
            {
                var byChar = char.ToUpperInvariant(x[i]).CompareTo(char.ToUpperInvariant(y[j]));
                if (byChar != 0)
                {
                    return byChar;
                }

                i++;
                j++;
            }
        }

        return (x.Length - i).CompareTo(y.Length - j);
    }
}
