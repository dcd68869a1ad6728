#!/usr/bin/env python3
"""Makes the theme's four Titillium Web files (static/fonts/) from the npm package.

Why: the package's "latin" faces carry 212 characters each (23.5 KiB for regular + bold),
and every page downloads both. Italian and English text needs about 130 of them. So each
weight is split in two:

- core  (preloaded, on every page): CORE below, the characters the microsite's Italian and
  English text is written with, after sito's typography (smart quotes, dashes, ellipsis);
- extra (downloaded only by a page that contains one of its characters, through the
  @font-face unicode-range): everything else the package covers, its latin remainder
  (ü, ñ, ç, ß, ...) merged with its latin-ext face (ł, ő, ș, ...), so that a city name such
  as "Düsseldorf" or "Kraków" still renders in Titillium.

A character that neither file has falls back to the next font of the stack (system-ui,
then Arial...): it is shown, just not in Titillium.

Only the `kern` feature is kept: the package's other one, `frac`, is not used by the theme.
The glyph outlines, metrics, hinting and kerning are the package's, untouched. Licence: SIL OFL 1.1 (static/fonts/OFL.txt), which
allows modified versions; Titillium Web has no Reserved Font Name.

Usage (fonttools from PyPI, brotli for woff2; the package from the npm registry):

    pip install fonttools==4.69.1 brotli uharfbuzz   # uharfbuzz: only for the kerning check
    npm pack @fontsource/titillium-web@5.3.0 && tar xzf fontsource-titillium-web-5.3.0.tgz
    python3 themes/milano/tools/subset_fonts.py package/files themes/milano/static/fonts

It writes titillium-web-{core,extra}-{400,700}-normal.woff2 and prints the unicode-range of
each face for static/css/site.css. The output is deterministic: the same package and
fonttools version give the same bytes (the theme's files were made with fonttools 4.69.1).
Then it checks the result against the package: every character's outline and advance width,
and, when uharfbuzz (PyPI) is installed, the shaped advance of every pair of core characters
(kerning included).
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger, Options as MergeOptions
from fontTools.ttLib import TTFont

# The characters of Italian and English text on the site (code points).
CORE = sorted(
    set(range(0x20, 0x7F))  # Basic Latin: letters, digits, ASCII punctuation
    | {0xA0}  # no-break space
    | {0xA9, 0xAB, 0xBB, 0xB0, 0xB2, 0xB7, 0xAA, 0xBA, 0xD7}  # © « » ° ² · ª º ×
    # Italian accented letters, both cases: à è é ì í î ò ó ù ú
    | {ord(c) for c in "àèéìíîòóùúÀÈÉÌÍÎÒÓÙÚ"}
    # typographic punctuation: – — ‘ ’ “ ” • … € −
    | {0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x20AC, 0x2212}
)

WEIGHTS = (400, 700)

# fontTools packs GSUB and GPOS with HarfBuzz's repacker when uharfbuzz is installed and with
# its own otherwise: the bytes would depend on what else is installed. Always its own.
NO_HB_REPACKER = {"fontTools.ttLib.tables.otBase:USE_HARFBUZZ_REPACKER": False}


def subset_font(path, unicodes):
    """The font at `path` cut down to `unicodes`, keeping kerning and every name record."""
    # recalcTimestamp=False: the head table keeps the package's date, not today's.
    font = TTFont(path, recalcTimestamp=False, cfg=NO_HB_REPACKER)
    options = subset.Options()
    options.layout_features = ["kern"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.glyph_names = False
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    font.flavor = None
    return font


def ranges(codepoints):
    """CSS unicode-range text for a set of code points: U+20-7E, U+A0, ..."""
    out, cps = [], sorted(codepoints)
    start = prev = cps[0]
    for cp in cps[1:] + [None]:
        if cp is not None and cp == prev + 1:
            prev = cp
            continue
        out.append(f"U+{start:04X}" if start == prev else f"U+{start:04X}-{prev:04X}")
        if cp is not None:
            start = prev = cp
    return ", ".join(out)


def verify(src, dst, weight):
    """Outlines and widths of every character, and kerning of core pairs, as in the package."""
    from fontTools.pens.recordingPen import RecordingPen

    def drawn(font, cp):
        glyphs, name = font.getGlyphSet(), font.getBestCmap()[cp]
        pen = RecordingPen()
        glyphs[name].draw(pen)
        return pen.value, glyphs[name].width

    problems = 0
    for kind, sources in (("core", ["latin"]), ("extra", ["latin", "latin-ext"])):
        new = TTFont(dst / f"titillium-web-{kind}-{weight}-normal.woff2")
        for source in sources:
            old = TTFont(src / f"titillium-web-{source}-{weight}-normal.woff2")
            for cp in set(new.getBestCmap()) & set(old.getBestCmap()) - {0x20, 0xA0}:
                if drawn(new, cp) != drawn(old, cp):
                    problems += 1
                    print(f"{kind} {weight}: U+{cp:04X} differs from {source}")
    try:
        import io

        import uharfbuzz as hb
    except ImportError:
        print(f"{weight}: outlines checked; install uharfbuzz to check kerning too")
        return problems

    def shaper(path):
        font = TTFont(path)
        font.flavor = None
        data = io.BytesIO()
        font.save(data)
        return hb.Font(hb.Face(data.getvalue()))

    old = shaper(src / f"titillium-web-latin-{weight}-normal.woff2")
    new = shaper(dst / f"titillium-web-core-{weight}-normal.woff2")

    def advances(font, text):
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        hb.shape(font, buf, {})
        return [p.x_advance for p in buf.glyph_positions]

    chars = [chr(c) for c in CORE]
    for a in chars:
        for b in chars:
            if advances(old, a + b) != advances(new, a + b):
                problems += 1
                print(f"core {weight}: the pair {a + b!r} is spaced differently")
    print(f"{weight}: outlines and {len(chars) ** 2} core pairs checked")
    return problems


def main(src, dst):
    src, dst = Path(src), Path(dst)
    tmp = dst / ".subset-tmp"
    tmp.mkdir(exist_ok=True)
    try:
        for weight in WEIGHTS:
            latin = src / f"titillium-web-latin-{weight}-normal.woff2"
            ext = src / f"titillium-web-latin-ext-{weight}-normal.woff2"
            latin_cps = set(TTFont(latin).getBestCmap())
            ext_cps = set(TTFont(ext).getBestCmap())

            core = subset_font(latin, [c for c in CORE if c in latin_cps])
            core.flavor = "woff2"
            core.save(dst / f"titillium-web-core-{weight}-normal.woff2")

            # The rest of latin, then latin-ext, as one font: fontTools' merger needs files.
            rest = sorted(latin_cps - set(CORE))
            subset_font(latin, rest).save(tmp / "rest.ttf")
            subset_font(ext, sorted(ext_cps)).save(tmp / "ext.ttf")
            extra = Merger(options=MergeOptions()).merge([str(tmp / "rest.ttf"), str(tmp / "ext.ttf")])
            # The merger dates the new font today: give it the package's dates back.
            head = TTFont(latin)["head"]
            extra["head"].created, extra["head"].modified = head.created, head.modified
            extra.recalcTimestamp = False
            extra.cfg.update(NO_HB_REPACKER)
            extra.flavor = "woff2"
            extra.save(dst / f"titillium-web-extra-{weight}-normal.woff2")

            core_range = set(CORE) & latin_cps
            # The space and no-break space are in both source faces: they belong to core.
            extra_range = (latin_cps | ext_cps) - core_range
            print(f"/* {weight} core */  unicode-range: {ranges(core_range)};")
            print(f"/* {weight} extra */ unicode-range: {ranges(extra_range)};")
    finally:
        for f in tmp.glob("*"):
            f.unlink()
        tmp.rmdir()
    if sum(verify(src, dst, weight) for weight in WEIGHTS):
        sys.exit("the cut fonts differ from the package")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
