#!/usr/bin/env bash
# Submits a sharded `lstmgen reproduce` to Slurm (docs/cluster.md): an array job whose task I runs shard I/N
# (lstmgen-shard.sbatch) and a merge-and-report job that runs after every task has ended (lstmgen-merge.sbatch).
# Run again with the same --results, it resubmits only the shards that did not complete, then the merge.
#
#   deploy/slurm/submit.sh --results /scratch/$USER/lstmgen --shards 64 --sbatch '--time=2:00:00'     # the paper's runs
#   deploy/slurm/submit.sh --results /scratch/$USER/lstmgen                                           # rerun what is missing
#   deploy/slurm/submit.sh --results /tmp/q --shards 4 --wait -- --quick --rows 6a,4-100,1-5          # a quick look, waiting
#
# Options:
#   --results DIR       the run's folder: shard-I-of-N/ per shard, merged/ (with report.md), logs/, slurm.env (required)
#   --shards N          number of shards = array tasks (required the first time; then read from DIR/slurm.env)
#   --binary PATH       the lstmgen binary (default: artifacts/aot/lstmgen of this checkout, else lstmgen on PATH)
#   --threads T         cores per task, trials run at once in a shard (default 1: the shards are balanced, not the threads)
#   --max-running K     at most K tasks at once (the array's %K)
#   --sbatch 'OPTIONS'  more sbatch options for both jobs, e.g. '--time=2:00:00 --partition=short --account=abc'
#   --wait              wait for the jobs; list the tasks that did not complete by index; exit 0 only if the merge completed
#   -- OPTIONS...       options of `lstmgen reproduce` (e.g. --quick, --rows, --seed); the first submission fixes them
# Exit status: 0 submitted (with --wait: every trial merged), 1 (--wait) the run is incomplete, 2 usage error,
# 4 Slurm refused a command.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
die() { echo "submit.sh: error: $2" >&2; exit "$1"; }

results= shards= binary= threads= max_running= extra= wait=0
args=()
while [ $# -gt 0 ]; do
  case $1 in
    --results) results=${2:?}; shift 2 ;;
    --shards) shards=${2:?}; shift 2 ;;
    --binary) binary=${2:?}; shift 2 ;;
    --threads) threads=${2:?}; shift 2 ;;
    --max-running) max_running=${2:?}; shift 2 ;;
    --sbatch) extra=${2:?}; shift 2 ;;
    --wait) wait=1; shift ;;
    --) shift; args=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die 2 "unknown option '$1' (see --help)" ;;
  esac
done
[ -n "$results" ] || die 2 "--results DIR is required (see --help)"
for n in "$shards" "$threads" "$max_running"; do
  [[ -z $n || $n =~ ^[1-9][0-9]*$ ]] || die 2 "--shards, --threads and --max-running take positive integers, got '$n'"
done
mkdir -p "$results/logs"
results=$(cd "$results" && pwd)
config=$results/slurm.env

# The run's settings: written by the first submission, read (and checked) by every later one and by the jobs.
if [ -f "$config" ]; then
  # shellcheck source=/dev/null
  saved=$(source "$config" && printf '%s\n' "$LSTMGEN_SHARDS" "$LSTMGEN_THREADS" "$LSTMGEN" "${LSTMGEN_ARGS[*]}")
  { read -r saved_shards; read -r saved_threads; read -r saved_binary; read -r saved_args; } <<<"$saved"
  [ -z "$shards" ] || [ "$shards" = "$saved_shards" ] || die 2 "$results was submitted with --shards $saved_shards, not $shards"
  [ ${#args[@]} -eq 0 ] || [ "${args[*]}" = "$saved_args" ] || die 2 "$results was submitted with the reproduce options '$saved_args', not '${args[*]}'"
  [ -z "$threads" ] || [ "$threads" = "$saved_threads" ] || die 2 "$results was submitted with --threads $saved_threads, not $threads"
  shards=$saved_shards threads=$saved_threads binary=${binary:-$saved_binary}
  # shellcheck source=/dev/null
  args=() && source "$config" && args=("${LSTMGEN_ARGS[@]}")
else
  [ -n "$shards" ] || die 2 "--shards N is required the first time (see --help)"
  threads=${threads:-1}
fi
if [ -z "$binary" ]; then
  binary=$here/../../artifacts/aot/lstmgen
  [ -x "$binary" ] || binary=$(command -v lstmgen || true)
fi
[ -n "$binary" ] && [ -x "$binary" ] || die 2 "no lstmgen binary: build it (docs/cluster.md) or pass --binary PATH"
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
{
  echo "# written by deploy/slurm/submit.sh; read by lstmgen-shard.sbatch and lstmgen-merge.sbatch"
  printf 'LSTMGEN=%q\nLSTMGEN_SHARDS=%q\nLSTMGEN_THREADS=%q\nLSTMGEN_RESULTS=%q\n' "$binary" "$shards" "$threads" "$results"
  printf 'LSTMGEN_ARGS=('; [ ${#args[@]} -eq 0 ] || printf ' %q' "${args[@]}"; printf ' )\n'
} > "$config.tmp" && mv "$config.tmp" "$config"

# Never two submissions of one run at once: two tasks appending to one shard's files would corrupt them.
comment="lstmgen:$results"
if squeue -h -u "$(id -un)" -o '%k' 2>/dev/null | grep -Fxq "$comment"; then
  die 2 "jobs of $results are still queued or running (squeue -u $(id -un)); submit again once they have ended"
fi

# Which shards to run: all the first time, else those with trials missing (lstmgen merge --pending).
if compgen -G "$results/shard-*-of-$shards/shard.json" > /dev/null; then
  pending=$("$binary" merge --from "$results" --pending) || die 2 "cannot tell which shards are complete (see the error above)"
else
  pending=0-$((shards - 1))
fi

read -ra more <<<"$extra"
common=(--parsable --chdir "$results" --export "ALL,LSTMGEN_CONFIG=$config" --comment "$comment" "${more[@]}")
array=
if [ -n "$pending" ]; then
  array=$(sbatch "${common[@]}" --array "$pending${max_running:+%$max_running}" --cpus-per-task "$threads" \
    --output "$results/logs/shard-%A_%a.out" "$here/lstmgen-shard.sbatch") || die 4 "sbatch refused the array job"
  array=${array%%;*}
  merge=$(sbatch "${common[@]}" --dependency "afterany:$array" --output "$results/logs/merge-%j.out" "$here/lstmgen-merge.sbatch") ||
    die 4 "sbatch refused the merge job"
  echo "submitted shards $pending of $shards as array job $array, and the merge as job ${merge%%;*} after it; results in $results"
else
  merge=$(sbatch "${common[@]}" --output "$results/logs/merge-%j.out" "$here/lstmgen-merge.sbatch") || die 4 "sbatch refused the merge job"
  echo "every shard is complete; submitted the merge as job ${merge%%;*}; results in $results"
fi
merge=${merge%%;*}
echo "array=${array:-none} merge=$merge"
[ "$wait" = 1 ] || exit 0

# --wait: poll squeue (sbatch --wait polls every 32 s and returns 0 for a cancelled job), then report.
jobs=$merge${array:+,$array}
while [ -n "$(squeue -h -j "$jobs" -o %i 2>/dev/null)" ]; do sleep "${LSTMGEN_SLURM_POLL:-10}"; done
if [ -n "$array" ]; then
  squeue -h -t all -j "$array" -o '%K %T %r' | sort -n | awk '$2 != "COMPLETED" { print "shard task " $1 " of array " a ": " $2 " (" $3 ")" }' a="$array"
fi
state=$(squeue -h -t all -j "$merge" -o '%T' | head -1)
cat "$results/logs/merge-$merge.out" 2>/dev/null || true
echo "merge job $merge: ${state:-unknown}"
[ "$state" = COMPLETED ]
