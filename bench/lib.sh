# Shared helpers for bench/compare.sh and bench/scaling.sh. Source it, don't run it.
# shellcheck shell=bash

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Where corpora and outputs go: a tmpfs by default (see "Nothing is deleted..." below), else /tmp.
if [[ -z ${BENCH_DIR:-} ]]; then
    if [[ $(stat -f -c %T /dev/shm 2>/dev/null) == tmpfs ]] &&
        (($(df --output=avail -k /dev/shm | tail -n 1) > 8 * 1024 * 1024)); then
        BENCH_DIR=/dev/shm/sito-bench
    else
        BENCH_DIR=/tmp/sito-bench
    fi
fi
mkdir -p "$BENCH_DIR"
BENCH_FS=$(stat -f -c %T "$BENCH_DIR")
SITO=$REPO/target/release/sito
GEN=$REPO/target/release/examples/gen_corpus
TIME=/usr/bin/time

die() {
    echo "error: $*" >&2
    exit 1
}

need_time() {
    [[ -x $TIME ]] || die "$TIME not found: install it with 'apt-get install time'"
}

need_hugo() {
    command -v hugo >/dev/null 2>&1 ||
        die "hugo is not installed: install it with 'apt-get install hugo' (Debian's package)"
}

# Nothing is deleted while builds are being timed: old outputs and corpora are moved (renamed)
# into TRASH, which is emptied when the script exits. On ext4 without a journal (this machine's
# root file system), the kernel skips inodes deleted in the last 60 s (6 min while their inode
# table block is dirty, which new files in the same block make it) when it allocates new ones,
# scanning over them for every file created: a build that runs after `rm -rf` of a 10000-file
# output spends seconds of system time in ext4's recently_deleted(), more with each repetition,
# and measures the file system instead of the generator. Deletions by other programs (test suites
# creating and removing temporary sites, cargo) do the same, which is why BENCH_DIR defaults to
# a tmpfs, where none of this happens.
TRASH=$BENCH_DIR/.trash-$$
DISCARDED=0

# discard PATH: moves PATH (if it exists) into the trash.
discard() {
    [[ -e $1 ]] || return 0
    mkdir -p "$TRASH"
    DISCARDED=$((DISCARDED + 1))
    mv "$1" "$TRASH/$DISCARDED-$(basename "$1")"
}

# When these scripts last deleted anything (seconds since the epoch), for settle.
DELETE_STAMP=$BENCH_DIR/.last-delete

# empty_trash: deletes this script's trash, and that of earlier runs that were interrupted.
empty_trash() {
    local t pid deleted=0
    for t in "$BENCH_DIR"/.trash-*; do
        [[ -e $t ]] || continue
        pid=${t##*.trash-}
        if [[ $t == "$TRASH" ]] || ! kill -0 "$pid" 2>/dev/null; then
            rm -rf "$t"
            deleted=1
        fi
    done
    if ((deleted)); then
        sync
        date +%s >"$DELETE_STAMP"
    fi
}

# settle: on disk, if a previous benchmark deleted its outputs less than 65 s ago, waits until
# the deleted inodes are no longer "recent" for ext4 (60 s once synced and clean), so that
# back-to-back runs pay less for each other's deletions. Not needed on tmpfs.
settle() {
    [[ $BENCH_FS != tmpfs && -f $DELETE_STAMP ]] || return 0
    local wait
    wait=$(($(cat "$DELETE_STAMP") + 65 - $(date +%s)))
    if ((wait > 0)); then
        echo "== waiting ${wait} s for the files deleted by the previous benchmark to age (see bench/lib.sh)" >&2
        sleep "$wait"
    fi
}

# Build sito and the corpus generator in release mode.
build_tools() {
    echo "== cargo build --release (sito + gen_corpus)" >&2
    (cd "$REPO" && cargo build --release --quiet && cargo build --release --quiet --example gen_corpus) ||
        die "cargo build --release failed"
    [[ -x $SITO ]] || die "$SITO was not built"
    [[ -x $GEN ]] || die "$GEN was not built"
}

# gen_corpus DIR PAGES_PER_LANG
gen_corpus() {
    echo "== generating $2 pages per language into $1" >&2
    mkdir -p "$1"
    "$GEN" "$1" "$2" || die "gen_corpus failed"
}

# measure LOG CMD... : runs CMD under /usr/bin/time, appends its output to LOG and sets
# SECS (wall time, seconds) and PEAK_KB (peak resident set size, KiB). Exits with the log's
# tail if CMD fails. Also sets CPU (user + system seconds), which a busy machine disturbs less
# than wall time. Call it directly, not in $(...), so that the exit stops the script.
measure() {
    local log=$1
    shift
    local tf
    tf=$(mktemp)
    echo "\$ $*" >>"$log"
    # Flush the previous run's writes and deletions first, so they are not charged to this one.
    sync
    if ! "$TIME" -f "%e %M %U %S" -o "$tf" "$@" >>"$log" 2>&1; then
        echo "error: command failed: $*" >&2
        cat "$tf" >&2
        echo "---- last lines of $log:" >&2
        tail -n 30 "$log" >&2
        rm -f "$tf"
        exit 1
    fi
    local user sys
    read -r SECS PEAK_KB user sys <"$tf"
    CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    rm -f "$tf"
}

# median: reads numbers, one per line, prints their median.
median() {
    sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "nan"; exit }
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ratio A B: prints A/B with two decimals.
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'
}

# mb KIB: prints KiB as MiB with one decimal.
mb() {
    awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}

# html_count DIR: number of HTML files written.
html_count() {
    find "$1" -name '*.html' 2>/dev/null | wc -l
}
