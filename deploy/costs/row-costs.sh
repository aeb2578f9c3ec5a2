#!/usr/bin/env bash
# Writes the cost model's table, src/Experiments/Sharding/row-costs.csv (docs/cluster.md, "Cost model"), on stdout:
#
#   deploy/costs/row-costs.sh path/to/lstmgen results/full results > src/Experiments/Sharding/row-costs.csv
#
# For every row of `lstmgen rows`:
# - secondsPerSequence: CPU seconds per training sequence, measured here: one process per row runs the quick look's two
#   trials on one thread (`lstmgen reproduce --quick --rows ROW --threads 1`), and the row's cost is the process's CPU time
#   (user + system) over the training sequences its trials presented. CPU time rather than wall time, so that a machine
#   busy with other work measures about the same. About 4 minutes for all rows.
#   ROW_COSTS_MEASURED=file reuses "row,secondsPerSequence" lines measured before instead.
# - laneSecondsPerSequence: CPU seconds per training sequence of one trial when LANES trials (default 8, AVX-512's
#   doubles per register) share a lane network on one thread: `lstmgen run ROW --trials LANES --threads 1 --lanes LANES
#   --hand-over-below 0 --max-sequences Q` with Q the quick look's cap of the row (no trial leaves its lane for a scalar
#   network, so the figure is the lanes' alone), the process's CPU time over the sequences of all its
#   trials (always 8 trials: LANES=1 measures the scalar path the same way, for a side-by-side speed-up). Rows with
#   sequential construction (2a, 2b) always run scalar, so their figure is the scalar one measured again.
#   `lstmgen shards --cores ... --lanes LANES` projects from it. About 5 minutes for all rows.
#   LANE_COSTS_MEASURED=file reuses "row,laneSecondsPerSequence" lines measured before instead.
# - ROW_COSTS_BASE=file takes the first three columns from an earlier table (so adding the lane column does not move
#   the shards' split) and only measures the lane column.
# - outcomes: how the trials of the default base seed ended, trial 0 first, from the first results folder given that has
#   the row: N for a success after N sequences, >N for a trial that reached its cap of N without success.
set -euo pipefail
lstmgen=${1:?usage: $0 path/to/lstmgen results-dir...}
shift
[ $# -gt 0 ] || { echo "usage: $0 path/to/lstmgen results-dir..." >&2; exit 2; }
lanes=${LANES:-8}
mapfile -t rows < <("$lstmgen" rows | awk 'NR > 2 { print $1 }')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {
  local row=$1 cpu sequences
  TIMEFORMAT='%U %S'
  cpu=$( { time "$lstmgen" reproduce --quick --rows "$row" --threads 1 --results-dir "$work/$row" --report "$work/$row.md" > /dev/null 2>&1; } 2>&1 )
  sequences=$(grep -o '"sequences":[0-9]*' "$work/$row/$row.jsonl" | awk -F: '{ s += $2 } END { print s }')
  awk -v cpu="$cpu" -v n="$sequences" 'BEGIN { split(cpu, t, " "); printf "%.4g\n", (t[1] + t[2]) / n }'
}

measure_lanes() {
  local row=$1 cpu sequences cap
  cap=$("$lstmgen" shards --quick --costs --rows "$row" | awk -v row="$row" '$1 == row { gsub(",", "", $3); print $3 }')
  TIMEFORMAT='%U %S'
  cpu=$( { time "$lstmgen" run "$row" --trials 8 --threads 1 --lanes "$lanes" --hand-over-below 0 --max-sequences "$cap" --results "$work/$row-lanes.jsonl" > /dev/null 2>&1; } 2>&1 )
  sequences=$(grep -o '"sequences":[0-9]*' "$work/$row-lanes.jsonl" | awk -F: '{ s += $2 } END { print s }')
  awk -v cpu="$cpu" -v n="$sequences" 'BEGIN { split(cpu, t, " "); printf "%.4g\n", (t[1] + t[2]) / n }'
}

outcomes() {
  local row=$1 dir
  for dir in "$@"; do
    [ "$dir" = "$row" ] && continue
    if [ -s "$dir/$row.jsonl" ]; then
      # A later line of a trial replaces an earlier one, as in the report.
      sed -nE 's/.*"trial":([0-9]+),"seed":"[0-9]+","success":([a-z]+),"sequences":([0-9]+).*/\1 \2 \3/p' "$dir/$row.jsonl" |
        awk '{ o[$1] = ($2 == "true" ? $3 : ">" $3); if ($1 > max) max = $1 } END { for (i = 0; i <= max; i++) if (i in o) printf "%s%s", (n++ ? " " : ""), o[i] }'
      return
    fi
  done
}

if [ -n "${ROW_COSTS_BASE:-}" ]; then
  grep '^#' "$ROW_COSTS_BASE" | grep -v laneSecondsPerSequence | grep -v '^# (measured with' || true
else
  echo "# The cost model of sharded runs (docs/cluster.md, \"Cost model\"), written by deploy/costs/row-costs.sh:"
  echo "# CPU seconds per training sequence of each row (measured with LstmGen $("$lstmgen" --version 2>/dev/null || echo '?'), one trial at a time),"
  echo "# and how the measured trials of the default base seed ended (N: success after N sequences; >N: no success by the cap N),"
  echo "# read from: $*."
fi
echo "# laneSecondsPerSequence: CPU seconds per training sequence of one of $lanes trials sharing a lane network on one thread"
echo "# (measured with LstmGen $("$lstmgen" --version 2>/dev/null || echo '?'))."
echo "row,secondsPerSequence,outcomes,laneSecondsPerSequence"
for row in "${rows[@]}"; do
  if [ -n "${ROW_COSTS_BASE:-}" ]; then
    base=$(awk -F, -v row="$row" '$1 == row { print $1 "," $2 "," $3 }' "$ROW_COSTS_BASE")
  else
    if [ -n "${ROW_COSTS_MEASURED:-}" ]; then
      seconds=$(awk -F, -v row="$row" '$1 == row { print $2 }' "$ROW_COSTS_MEASURED")
    else
      seconds=$(measure "$row")
    fi
    base="$row,$seconds,$(outcomes "$row" "$@")"
  fi
  if [ -n "${LANE_COSTS_MEASURED:-}" ]; then
    laneSeconds=$(awk -F, -v row="$row" '$1 == row { print $2 }' "$LANE_COSTS_MEASURED")
  else
    laneSeconds=$(measure_lanes "$row")
  fi
  echo "$base,$laneSeconds"
done
