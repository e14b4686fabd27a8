using System.Globalization;

namespace Dashboard.Domain.Risks;

/// <summary>Allocating the next reference in a register, following the register's own numbering.</summary>
public static class RiskReference
{
    public const int MaxLength = 20;

    /// <summary>
    /// One more than the highest number among the references that share the register's commonest
    /// prefix: "1" … "14" → "15", "ICT-1", "ICT-2" → "ICT-3", "ICT-I1" → "ICT-I2". Gaps are never refilled,
    /// so a closed risk's reference is not reused. An empty register
    /// (or one whose references carry no number) starts at <paramref name="first"/>.
    /// </summary>
    public static string Next(IEnumerable<string> existing, string first)
    {
        var numbered = existing.Select(Split).Where(p => p.Number is not null).ToList();
        string prefix;
        long next;
        if (numbered.Count == 0)
        {
            var (firstPrefix, firstNumber) = Split(first);
            prefix = firstPrefix;
            next = firstNumber ?? 1;
        }
        else
        {
            var commonest = numbered.GroupBy(p => p.Prefix, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(p => p.Number)).First();
            prefix = commonest.First().Prefix;
            next = commonest.Max(p => p.Number!.Value) + 1;
        }

        return prefix + next.ToString(CultureInfo.InvariantCulture);
    }

    private static (string Prefix, long? Number) Split(string reference)
    {
        var digits = reference.Length;
        while (digits > 0 && char.IsAsciiDigit(reference[digits - 1]))
        {
            digits--;
        }

        var tail = reference[digits..];
        return tail.Length is > 0 and <= 15 ? (reference[..digits], long.Parse(tail, CultureInfo.InvariantCulture)) : (reference, null);
    }
}
