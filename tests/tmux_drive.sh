#!/usr/bin/env bash
# Drive the real `newsreader` in a terminal as a person would, and check what the screen shows.
# Usage: tests/tmux_drive.sh   (from the repository root; needs tmux; uses a private HOME-like config)
# Exits non-zero with the screen printed when something is not as expected.
set -u
cd "$(dirname "$0")/.."
SESSION="nr-drive-$$"
WORK="$(mktemp -d)"
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" XDG_CACHE_HOME="$WORK/cache"
FAILED=0

screen() { tmux capture-pane -p -t "$SESSION"; }
keys() { tmux send-keys -t "$SESSION" "$@"; sleep 0.4; }
expect() {  # expect "what a person should see" [seconds to wait]
  local wanted="$1" wait="${2:-5}"
  local end=$((SECONDS + wait))
  while ((SECONDS <= end)); do
    screen | grep -qF -- "$wanted" && { echo "ok: $wanted"; return 0; }
    sleep 0.2
  done
  echo "MISSING: $wanted"; screen; FAILED=1
}
expect_gone() {  # expect_gone "what should disappear" [seconds to wait]
  local gone="$1" wait="${2:-5}"
  local end=$((SECONDS + wait))
  while ((SECONDS <= end)); do
    screen | grep -qF -- "$gone" || { echo "ok: no more $gone"; return 0; }
    sleep 0.2
  done
  echo "STILL SHOWN: $gone"; screen; FAILED=1
}
cleanup() { tmux kill-session -t "$SESSION" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

tmux new -d -s "$SESSION" -x 120 -y 40 ".venv/bin/newsreader sample_data/; echo READER-EXITED \$?; sleep 30"
expect "Articles" 5
expect "60 articles" 10
expect "Actors · this article"
expect "Middle East: Bloggers"
expect "Analysing" 10                                  # progress with counts while spaCy works
expect "1 PERSON" 60                                   # the legend once highlights arrived
keys j;   expect "Myanmar: 64 Words for Aung San Suu Kyi"
keys /;   keys -l "pelosi"; expect "of 60 match" 5     # the list filtered as you type
expect "US Speaker Pelosi announces Trump"
keys Enter; keys Tab;  keys n                          # into the article, to the first match
expect_gone "Analysing" 90                             # this article's quotes are found
keys ']';  expect "Next quote"
keys m;    expect "1 marked"                           # the selected quote marked, counted in the footer
keys e;    expect "Marked quotes (1)"; expect "ctrl+s exports"   # the export dialog
keys Escape; sleep 0.3
keys Tab;  keys j
keys a;    expect "Actors · all articles"
keys a;    expect "Actors · this article"
keys '?';  expect "Everywhere"; expect "Export quotes to a file"; expect "Next quote"
keys Escape; sleep 0.5
keys Escape; sleep 0.5                                 # back to the list, then clear the search
keys q;    expect "READER-EXITED 0" 5
tmux kill-session -t "$SESSION" 2>/dev/null

# --watch: a story saved into the open folder appears in the list, and quitting is still instant
mkdir "$WORK/news"; cp sample_data/kazakhstan-csto-forces-to-remain.txt "$WORK/news/"
tmux new -d -s "$SESSION" -x 120 -y 40 ".venv/bin/newsreader --watch $WORK/news; echo READER-EXITED \$?; sleep 30"
expect "1 article" 10
sleep 1
printf 'Breaking: a watched story\n\nIt arrived while the reader was open.\n' > "$WORK/news/new-story.txt"
expect "2 articles" 10; expect "Breaking: a watched story"
# editing a story already listed swaps its row for the new version: still two articles
printf 'Update: the story was corrected\n\nIt was edited while the reader was open.\n' > "$WORK/news/new-story.txt"
expect "Update: the story was corrected" 10; expect_gone "Breaking: a watched story"; expect "2 articles"
keys q;    expect "READER-EXITED 0" 5
exit $FAILED
