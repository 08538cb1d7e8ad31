#!/usr/bin/env bash
# Renders the HTML output in headless Chromium (Debian: apt-get install chromium), writes a
# screenshot, and fails when markup typed into an order becomes an element of the page.
# usage: Scripts/html-browser-check.sh PATH/TO/mrs-nlp [screenshot.png]
set -euo pipefail
bin=${1:?usage: $0 PATH/TO/mrs-nlp [screenshot.png]}
shot=${2:-/tmp/mrs-nlp-review.png}
dir=$(mktemp -d)
cd "$(dirname "$0")/.."
"$bin" classify --format html Examples/orders.jsonl > "$dir/review.html"
printf '%s\n' '{"id": "<b>id</b>", "text": "GBM s/p XRT <script>alert(1)</script> recurrence vs radiation necrosis \"><img src=x onerror=alert(3)>"}' \
  | "$bin" classify --input jsonl --format html > "$dir/injection.html"
chromium --headless --no-sandbox --disable-gpu --window-size=1200,1400 --screenshot="$shot" "file://$dir/review.html" 2>/dev/null
elements=$(chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$dir/injection.html" 2>/dev/null | grep -c '<script\|<img\|<b>' || true)
if [ "$elements" != "0" ]; then echo "FAIL: input markup became $elements element(s)"; exit 1; fi
echo "ok: screenshot $shot; input markup stayed text"
