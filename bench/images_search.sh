#!/usr/bin/env bash
# Issue 15's "Measure": build time and output size with and without search and images, on the
# bundled microsite and on the generated corpus, with the release binary.
#
#   bench/images_search.sh [PAGES_PER_LANG]      # default 5000 (the 10,000-page corpus)
#   RUNS=5 PHOTO_EVERY=20 bench/images_search.sh 5000
#
# Cases (each: RUNS builds into a fresh output folder, medians of wall and CPU time):
#   microsite   search on (as published) / off (`search = false`) / with photos, cold and cached
#   corpus      search off (as generated) / on / with photos, cold and cached
# "Photos": a synthetic 3000 x 2000 JPEG photograph (bench/resize, `resize-bench photo`, ~1 MB,
# compresses like a photo) on one Italian page in PHOTO_EVERY (default 20) and on its English
# translation, each page its own photo; on the microsite, one on each of four network pages.
# "Cold" removes .sito/cache (every width of every photo encoded again), "cached" keeps it.
# The photo runs have search off, to show the images' cost alone.
#
# Environment: RUNS (default 3), COLD_RUNS (cold photo builds, default 1: they are long),
# PHOTO_EVERY, BENCH_DIR, SITO (another binary), SKIP_BUILD=1 (use the binaries as they are).
set -euo pipefail
USER_SITO=${SITO:-}
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_time

PAGES=${1:-5000}
RUNS=${RUNS:-3}
COLD_RUNS=${COLD_RUNS:-1}
PHOTO_EVERY=${PHOTO_EVERY:-20}
SITO=${USER_SITO:-$SITO}
RB=$REPO/target/bench-resize/release/resize-bench
OUT=$BENCH_DIR/images-search
LOG=$OUT/build.log
trap empty_trash EXIT

if [[ -z ${SKIP_BUILD:-} ]]; then
    [[ -n $USER_SITO ]] || build_tools
    echo "== cargo build --release (bench/resize)" >&2
    (cd "$REPO/bench/resize" && CARGO_TARGET_DIR=$REPO/target/bench-resize cargo build --release --quiet) ||
        die "cargo build of bench/resize failed"
fi
[[ -x $GEN ]] || die "$GEN not built: cargo build --release --example gen_corpus"
[[ -x $RB ]] || die "$RB not built: cd bench/resize && CARGO_TARGET_DIR=../../target/bench-resize cargo build --release"

discard "$OUT"
mkdir -p "$OUT"
settle
echo "# $(date -u '+%F %T') UTC, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $BENCH_FS, sito $(git -C "$REPO" rev-parse --short HEAD)"

# photo N: the path of synthetic photo N (made once, kept in BENCH_DIR/photos).
photo() {
    local f=$BENCH_DIR/photos/$1.jpg
    if [[ ! -f $f ]]; then
        mkdir -p "$BENCH_DIR/photos"
        "$RB" photo 3000 2000 "$1" "$f.tmp" && mv "$f.tmp" "$f"
    fi
    echo "$f"
}

# add_photo SITE PAGE.md N: puts photo N in SITE/static/photos/ and shows it on the page and
# on its English translation (PAGE.en.md), after the front matter.
add_photo() {
    local site=$1 page=$2 n=$3 f
    mkdir -p "$site/static/photos"
    cp "$(photo "$n")" "$site/static/photos/$n.jpg"
    for f in "$page" "${page%.md}.en.md"; do
        [[ -f $f ]] || continue
        printf '\n![Foto %s: piazza e palazzi al tramonto](/photos/%s.jpg)\n' "$n" "$n" >>"$f"
    done
}

# run CASE SITE RUNS [cold]: RUNS builds of SITE into fresh output folders; prints a table row.
run() {
    local case=$1 site=$2 runs=$3 cold=${4:-} i walls=() cpus=() out
    for ((i = 0; i < runs; i++)); do
        # one folder per site and case: the manifest of what was published sits beside it
        out=$OUT/out-$(basename "$site")-$case
        discard "$out"
        [[ -n $cold ]] && discard "$site/.sito/cache"
        measure "$LOG" "$SITO" build --root "$site" --output-dir "$out"
        walls+=("$SECS")
        cpus+=("$CPU")
    done
    local wall cpu bytes files pf img
    wall=$(printf '%s\n' "${walls[@]}" | median)
    cpu=$(printf '%s\n' "${cpus[@]}" | median)
    bytes=$(du -sb "$out" | cut -f1)
    files=$(find "$out" -type f | wc -l)
    pf=$(du -sb "$out/pagefind" 2>/dev/null | cut -f1 || echo 0)
    img=$(find "$out" -path "$out/photos/*" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    printf '| %s | %s s | %s s | %s | %s MiB | %s | %s KiB | %s MiB |\n' "$case" "$wall" "$cpu" "$runs" \
        "$(mb $((bytes / 1024)))" "$files" "$((${pf:-0} / 1024))" "$(mb $((img / 1024)))"
}

header() {
    echo
    echo "| case | wall (median) | CPU user+sys (median) | runs | output | files | pagefind/ | photos published |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
}

# ---- the microsite
m=$OUT/microsite
mkdir -p "$m"
cp -r "$REPO"/{content,themes,i18n,site.toml} "$m/"
m_off=$OUT/microsite-nosearch
cp -r "$m" "$m_off"
sed -i 's/^search = true/search = false/' "$m_off/site.toml"
grep -q '^search = false' "$m_off/site.toml" || die "site.toml: no 'search = true' line to turn off"
m_img=$OUT/microsite-photos
cp -r "$m_off" "$m_img"
n=9000
for p in c40 eurocities efus milan-urban-food-policy-pact; do
    n=$((n + 1))
    add_photo "$m_img" "$m_img/content/reti/$p.md" "$n"
done
"$SITO" build --root "$m" --output-dir "$OUT/warmup" >>"$LOG" 2>&1 || die "the microsite does not build: $LOG"
echo "## microsite ($(html_count "$OUT/warmup") HTML files)"
header
run search-on "$m" "$RUNS"
run search-off "$m_off" "$RUNS"
run photos-cold "$m_img" "$COLD_RUNS" cold
run photos-cached "$m_img" "$RUNS"

# ---- the corpus
c=$OUT/corpus
gen_corpus "$c" "$PAGES"
c_on=$OUT/corpus-search
cp -r "$c" "$c_on"
sed -i '1i search = true' "$c_on/site.toml"
c_img=$OUT/corpus-photos
cp -r "$c" "$c_img"
# The photos first, made on every core (a second of CPU each): one per PHOTO_EVERY pages.
pages=$(find "$c_img/content" -name 'p*.md' ! -name '*.en.md' | wc -l)
seq "$PHOTO_EVERY" "$PHOTO_EVERY" "$pages" |
    xargs -P "$(nproc)" -I{} sh -c '[ -f "$1/photos/$2.jpg" ] || { mkdir -p "$1/photos" && "$3" photo 3000 2000 "$2" "$1/photos/$2.jpg.tmp" && mv "$1/photos/$2.jpg.tmp" "$1/photos/$2.jpg"; }' _ "$BENCH_DIR" {} "$RB"
photos=0
while IFS= read -r page; do
    photos=$((photos + 1))
    if ((photos % PHOTO_EVERY == 0)); then add_photo "$c_img" "$page" "$photos"; fi
done < <(find "$c_img/content" -name 'p*.md' ! -name '*.en.md' | sort)
echo "== $((photos / PHOTO_EVERY)) photos made" >&2
"$SITO" build --root "$c" --output-dir "$OUT/warmup-c" >>"$LOG" 2>&1 || die "the corpus does not build: $LOG"
echo
echo "## corpus, $PAGES pages per language ($(html_count "$OUT/warmup-c") HTML files), a photo on 1 page in $PHOTO_EVERY"
header
run search-off "$c" "$RUNS"
run search-on "$c_on" "$RUNS"
run photos-cold "$c_img" "$COLD_RUNS" cold
run photos-cached "$c_img" "$RUNS"
echo
echo "# done $(date -u '+%T') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
