namespace Dashboard.Tests.Browser;

/// <summary>The focused element's ring: the better of its outline and its outer shadow, as a contrast ratio against what it sits on.</summary>
public sealed class FocusRing
{
    public string Where { get; init; } = "";

    public double Ratio { get; init; }

    /// <summary>Null when nothing is focused. WCAG relative luminance, as axe computes text contrast.</summary>
    public const string Script = """
        () => {
          let el = document.activeElement;
          if (!el || el === document.body || el === document.documentElement) return null;
          // Radios and check boxes hide their input; the ring is drawn round the button that shows it.
          while (el.parentElement && getComputedStyle(el).opacity === '0') el = el.parentElement;
          const parse = c => {
            const m = /rgba?\(([^)]+)\)/.exec(c || '');
            if (!m) return null;
            const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
            return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
          };
          const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
          const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
          const ratio = (a, b) => { const x = luminance(a), y = luminance(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
          // The ring is drawn outside the element, on the nearest ancestor that paints a background.
          let behind = null;
          for (let n = el.parentElement; n && !behind; n = n.parentElement) {
            const c = parse(getComputedStyle(n).backgroundColor);
            if (c && c.a >= 0.5) behind = c;
          }
          behind = behind || { r: 255, g: 255, b: 255, a: 1 };
          const style = getComputedStyle(el);
          const rings = [];
          if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) rings.push(parse(style.outlineColor));
          for (const shadow of (style.boxShadow || '').split(/,(?![^(]*\))/)) {
            const lengths = shadow.replace(/rgba?\([^)]*\)/, '').trim().split(/\s+/).map(parseFloat);
            if (!shadow.includes('inset') && lengths.length >= 4 && lengths[3] >= 2) rings.push(parse(shadow));
          }
          const best = Math.max(0, ...rings.filter(c => c && c.a >= 0.5).map(c => ratio(c, behind)));
          const name = (el.getAttribute('aria-label') || el.innerText || el.getAttribute('name') || el.id || '').trim().replace(/\s+/g, ' ').slice(0, 50);
          return { where: `${el.tagName.toLowerCase()} "${name}"`, ratio: best };
        }
        """;
}
