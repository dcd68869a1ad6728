#!/usr/bin/env bash
# Build time and output size with and without search/images (issue 15).
set -u
# Usage: bench/images_search.sh (SITO=path/to/sito to time another binary). Makes four
# 3000x2000 noisy PNGs with bench/mkpng.py (pure Python) under /tmp/i15m first.
mkdir -p /tmp/i15m
for i in 1 2 3 4; do [ -f /tmp/i15m/p$i.png ] || python3 "$(dirname "$0")/mkpng.py" 3000 2000 $i /tmp/i15m/p$i.png; done
SITO=${SITO:-/work/wt-i15/target/release/sito}
REPO="$(cd "$(dirname "$0")/.." && pwd)"
t() { local s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N)-s)/1000000 )); }
best() { local b=999999; for i in 1 2 3; do v=$(t "$@"); [ $v -lt $b ] && b=$v; done; echo $b; }
# microsite
for mode in on off; do
  d=/tmp/i15m/ms_$mode; rm -rf $d; mkdir -p $d; cp -r $REPO/{content,themes,i18n,site.toml} $d/
  [ $mode = off ] && sed -i 's/^search = true/search = false/' $d/site.toml
  ms=$(cd $d && best $SITO build --output-dir /tmp/i15m/out_ms_$mode --force)
  echo "microsite search=$mode best-of-3 ${ms} ms, output $(du -sk /tmp/i15m/out_ms_$mode | cut -f1) KiB, pagefind $(du -sk /tmp/i15m/out_ms_$mode/pagefind 2>/dev/null | cut -f1) KiB, files $(find /tmp/i15m/out_ms_$mode -type f | wc -l)"
done
# images: the images fixture with four 3000x2000 noisy PNGs (worst case for encoders)
d=/tmp/i15m/img; rm -rf $d; cp -r $REPO/tests/fixtures/images $d
for i in 1 2 3 4; do mkdir -p $d/content/foto$i; cp /tmp/i15m/p$i.png $d/content/foto$i/foto.png; printf '+++\ntitle = "Foto %s"\n+++\n![Foto di prova %s](foto.png)\n' $i $i > $d/content/foto$i/index.md; done
sed -i 's/^{{ foto.*//; s/^!\[.*//' $d/content/galleria/index.md
cold=$(cd $d && t $SITO build --force); echo "images cold (4 PNG 3000x2000, encode): ${cold} ms: $(cd $d && $SITO build --force | tail -1)"
warm=$(cd $d && best $SITO build --force); echo "images rebuild (cache) best-of-3: ${warm} ms"
echo "sizes: source PNG $(du -ck $d/content/foto*/foto.png | tail -1 | cut -f1) KiB; published $(du -ck $d/public/foto*/*.png | tail -1 | cut -f1) KiB PNG, $(du -ck $d/public/foto*/*.webp | tail -1 | cut -f1) KiB WebP"
ls -la $d/public/foto1/ | awk '{print $5, $9}'
