#!/usr/bin/env bash
# Compare sito with Hugo on the same generated bilingual corpus.
#
#   bench/compare.sh [PAGES_PER_LANG]      (default 5000)
#
# Environment:
#   RUNS        timed runs per scenario and tool (default 5)
#   BENCH_DIR   where the corpus and the outputs go (default /dev/shm/sito-bench when /dev/shm is
#               a tmpfs with 8 GiB free, else /tmp/sito-bench; see bench/lib.sh for why)
#   SITO_ARGS   extra arguments for `sito build`; HUGO_ARGS: extra arguments for hugo
#   EDIT_PAGE   page edited in the third scenario, relative to content/ (default s0001/p0050.md,
#               or the last page of s0001 if the corpus is smaller)
#
# Scenarios, each timed RUNS times for each tool, reporting wall time, CPU time (user + system)
# and peak RSS (/usr/bin/time -f "%e %M %U %S"), medians and the sito/Hugo ratio:
#   cold     no output folder before each run (the previous one is moved away, see lib.sh)
#   noop     rebuild with nothing changed (output of the previous run kept)
#   edit     rebuild after editing one page's body (a new paragraph appended before each run)
#   title    rebuild after changing that page's title (its section's listing changes too)
#   template rebuild after changing the base template every page uses (a comment appended:
#            themes/bench/templates/base.html for sito, layouts/_default/baseof.html for Hugo)
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

PAGES=${1:-5000}
RUNS=${RUNS:-5}
[[ $PAGES =~ ^[0-9]+$ && $PAGES -gt 0 ]] || die "PAGES_PER_LANG must be a positive number, got '$PAGES'"
[[ $RUNS =~ ^[0-9]+$ && $RUNS -gt 0 ]] || die "RUNS must be a positive number, got '$RUNS'"

need_time
need_hugo
build_tools

WORK=$BENCH_DIR/compare-$PAGES
SITE=$WORK/sito-site   # one corpus for both: sito reads site.toml, Hugo reads hugo.toml
OUT_SITO=$WORK/out-sito
OUT_HUGO=$WORK/out-hugo
LOG=$WORK/build.log
EDIT_FILE="" EDIT_ORIG=""
BASE_SITO=$SITE/themes/bench/templates/base.html
BASE_HUGO=$SITE/layouts/_default/baseof.html
cleanup() {
    [[ -n $EDIT_ORIG ]] && cp "$EDIT_ORIG" "$EDIT_FILE" 2>/dev/null
    for base in "$BASE_SITO" "$BASE_HUGO"; do [[ -f $WORK/$(basename "$base").orig ]] && cp "$WORK/$(basename "$base").orig" "$base"; done
    echo "removing discarded outputs..." >&2
    empty_trash
}
trap cleanup EXIT
discard "$WORK"   # a fresh corpus and fresh outputs, see lib.sh
gen_corpus "$SITE" "$PAGES"
: >"$LOG"

if [[ -z ${EDIT_PAGE:-} ]]; then
    if ((PAGES >= 50)); then EDIT_PAGE=s0001/p0050.md; else EDIT_PAGE=$(printf 's0001/p%04d.md' "$PAGES"); fi
fi
EDIT_FILE=$SITE/content/$EDIT_PAGE
[[ -f $EDIT_FILE ]] || die "no page $EDIT_FILE to edit"
cp "$EDIT_FILE" "$WORK/edit-original.md"
EDIT_ORIG=$WORK/edit-original.md
for base in "$BASE_SITO" "$BASE_HUGO"; do
    [[ -f $base ]] || die "no template $base to edit"
    cp "$base" "$WORK/$(basename "$base").orig"
done
base_of() { if [[ $1 == sito ]]; then echo "$BASE_SITO"; else echo "$BASE_HUGO"; fi; }
restore() { cmp -s "$1" "$2" || cp "$1" "$2"; }

read -r -a sito_extra <<<"${SITO_ARGS:-}"
read -r -a hugo_extra <<<"${HUGO_ARGS:-}"

run_sito() { measure "$LOG" "$SITO" build --root "$SITE" --output-dir "$OUT_SITO" "${sito_extra[@]}"; }
run_hugo() { measure "$LOG" hugo --source "$SITE" --destination "$OUT_HUGO" --quiet "${hugo_extra[@]}"; }
out_of() { if [[ $1 == sito ]]; then echo "$OUT_SITO"; else echo "$OUT_HUGO"; fi; }

echo
echo "sito:    $SITO (commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none))"
echo "hugo:    $(hugo version)"
echo "files:   $BENCH_DIR ($BENCH_FS)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg) (should be near 0)"
echo "corpus:  $SITE: $PAGES pages per language ($((2 * PAGES)) pages), $(find "$SITE/content" -name '*.md' | wc -l) Markdown files, $(du -sm "$SITE/content" | cut -f1) MB"
echo "runs:    $RUNS per scenario and tool (after one untimed warm-up build each)"
echo

# Warm-up: fills the page cache with the corpus and checks that both builds work.
settle
for tool in sito hugo; do
    "run_$tool"
    echo "warm-up $tool: $(html_count "$(out_of $tool)") HTML files in $(out_of $tool)"
done
echo

declare -A T C M
printf '%-5s %-8s %4s %9s %8s %11s\n' tool scen run "time(s)" "cpu(s)" "peak(MB)"
SCENARIOS=(cold noop edit title template)
for scenario in "${SCENARIOS[@]}"; do
    for tool in sito hugo; do
        for ((i = 1; i <= RUNS; i++)); do
            case $scenario in
            cold)
                discard "$(out_of $tool)"
                rm -rf "$SITE/.sito/cache/build" "$SITE/.sito/cache/load"   # no record or load cache of an earlier build either
                ;;
            noop) ;;
            edit)
                cp "$EDIT_ORIG" "$EDIT_FILE"
                printf '\nEdit number %d by the %s benchmark.\n' "$i" "$tool" >>"$EDIT_FILE"
                ;;
            title) sed -i "s/^title = .*/title = \"Titolo $tool $i\"/" "$EDIT_FILE" ;;
            template) printf '<!-- edit %d -->\n' "$i" >>"$(base_of $tool)" ;;
            esac
            "run_$tool"
            T[$tool,$scenario]+="$SECS"$'\n'
            C[$tool,$scenario]+="$CPU"$'\n'
            M[$tool,$scenario]+="$PEAK_KB"$'\n'
            printf '%-5s %-8s %4d %9.2f %8.2f %11s\n' "$tool" "$scenario" "$i" "$SECS" "$CPU" "$(mb "$PEAK_KB")"
        done
    done
    # Copied only when they differ: a fresh time on an unchanged file makes sito's next
    # build distrust its census (racy-clean rule), so `noop` would start with a normal build.
    restore "$EDIT_ORIG" "$EDIT_FILE"
    restore "$WORK/base.html.orig" "$BASE_SITO"
    restore "$WORK/baseof.html.orig" "$BASE_HUGO"
    # The restored files are rebuilt untimed, so the next scenario starts from their output.
    [[ $scenario == noop ]] || { run_sito; run_hugo; }
done

echo
echo "medians of $RUNS runs, $PAGES pages per language ($((2 * PAGES)) pages):"
printf '%-8s | %-24s | %-24s | %-26s\n' "" "wall time (s)" "CPU time, user+sys (s)" "peak RSS (MB)"
printf '%-8s | %8s %8s %6s | %8s %8s %6s | %9s %9s %6s\n' scenario sito hugo ratio sito hugo ratio sito hugo ratio
for scenario in "${SCENARIOS[@]}"; do
    st=$(printf '%s' "${T[sito,$scenario]}" | median)
    ht=$(printf '%s' "${T[hugo,$scenario]}" | median)
    sc=$(printf '%s' "${C[sito,$scenario]}" | median)
    hc=$(printf '%s' "${C[hugo,$scenario]}" | median)
    sm=$(printf '%s' "${M[sito,$scenario]}" | median)
    hm=$(printf '%s' "${M[hugo,$scenario]}" | median)
    printf '%-8s | %8.2f %8.2f %6s | %8.2f %8.2f %6s | %9s %9s %6s\n' "$scenario" \
        "$st" "$ht" "$(ratio "$st" "$ht")" "$sc" "$hc" "$(ratio "$sc" "$hc")" "$(mb "$sm")" "$(mb "$hm")" "$(ratio "$sm" "$hm")"
done
echo "(ratio = sito / Hugo: below 1.00 means sito is faster or smaller)"
cold=$(printf '%s' "${T[sito,cold]}" | median)
for scenario in "${SCENARIOS[@]:1}"; do
    st=$(printf '%s' "${T[sito,$scenario]}" | median)
    printf 'sito %-8s / sito cold: %s\n' "$scenario" "$(ratio "$st" "$cold")"
done
echo "output: sito $(html_count "$OUT_SITO") HTML files, hugo $(html_count "$OUT_HUGO") HTML files; build log: $LOG"
