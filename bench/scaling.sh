#!/usr/bin/env bash
# How sito's cold build scales with the size of the site.
#
#   bench/scaling.sh [PAGES_PER_LANG...]     (default: 1000 5000 10000 25000)
#
# Generates a corpus of each size, then runs RUNS (default 3) cold builds of each, the sizes
# in turn (no output folder and no build record before each: the previous output is moved
# away, see bench/lib.sh), and prints the medians of wall
# time, CPU time (user + system) and peak RSS, per page too. "pages" counts both languages
# (2 × PAGES_PER_LANG); sections and home pages are not counted.
#
# Environment: RUNS; BENCH_DIR (default /dev/shm/sito-bench on a tmpfs, else /tmp/sito-bench);
# SITO_ARGS; KEEP=1 keeps each corpus and its last output (by default everything is deleted when
# the script ends).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

RUNS=${RUNS:-3}
[[ $RUNS =~ ^[0-9]+$ && $RUNS -gt 0 ]] || die "RUNS must be a positive number, got '$RUNS'"
SIZES=("$@")
((${#SIZES[@]})) || SIZES=(1000 5000 10000 25000)
for n in "${SIZES[@]}"; do
    [[ $n =~ ^[0-9]+$ && $n -gt 0 ]] || die "sizes must be positive numbers, got '$n'"
done

need_time
build_tools
read -r -a sito_extra <<<"${SITO_ARGS:-}"
trap 'echo "removing discarded outputs..." >&2; empty_trash' EXIT

echo
echo "sito:    $SITO (commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none))"
echo "files:   $BENCH_DIR ($BENCH_FS)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg) (should be near 0)"
echo "runs:    $RUNS cold builds per size (median), sizes in turn, after one untimed warm-up build each"
echo

settle
# Every corpus first, then the runs round-robin over the sizes: the machine's speed drifts
# over minutes (a virtual machine's neighbours), and timing the sizes one after the other
# charged that drift to the size (+20% per page at 25,000 where interleaved runs gave +5%).
for n in "${SIZES[@]}"; do
    work=$BENCH_DIR/scale-$n
    discard "$work"   # fresh corpus and output, see lib.sh
    gen_corpus "$work/sito-site" "$n"
    : >"$work/build.log"
    measure "$work/build.log" "$SITO" build --root "$work/sito-site" --output-dir "$work/out-sito" "${sito_extra[@]}"
done
declare -A secs_list cpu_list kb_list
for ((i = 1; i <= RUNS; i++)); do
    for n in "${SIZES[@]}"; do
        work=$BENCH_DIR/scale-$n
        discard "$work/out-sito"
        rm -rf "$work/sito-site/.sito/cache/build" "$work/sito-site/.sito/cache/load"   # no record or load cache of an earlier build either
        measure "$work/build.log" "$SITO" build --root "$work/sito-site" --output-dir "$work/out-sito" "${sito_extra[@]}"
        echo "  $n pages/lang, run $i: $SECS s wall, $CPU s cpu, $(mb "$PEAK_KB") MB" >&2
        secs_list[$n]+="$SECS"$'\n'
        cpu_list[$n]+="$CPU"$'\n'
        kb_list[$n]+="$PEAK_KB"$'\n'
    done
done
rows=()
for n in "${SIZES[@]}"; do
    work=$BENCH_DIR/scale-$n
    html=$(html_count "$work/out-sito")
    secs=$(printf '%s' "${secs_list[$n]}" | median)
    kb=$(printf '%s' "${kb_list[$n]}" | median)
    cpu=$(printf '%s' "${cpu_list[$n]}" | median)
    pages=$((2 * n))
    rows+=("$(awk -v n="$n" -v p="$pages" -v h="$html" -v s="$secs" -v c="$cpu" -v k="$kb" 'BEGIN {
        printf "%10d %7d %7d %8.2f %9.3f %10.0f %8.2f %9.3f %10.1f %9.1f",
            n, p, h, s, 1000 * s / p, p / s, c, 1000 * c / p, k / 1024, k / p }')")
    [[ ${KEEP:-0} == 1 ]] || discard "$work"
done

echo
printf '%10s %7s %7s %8s %9s %10s %8s %9s %10s %9s\n' pages/lang pages html "wall(s)" "ms/page" "pages/s" \
    "cpu(s)" "cpu ms/p" "peak(MB)" "KB/page"
printf '%s\n' "${rows[@]}"
