#!/usr/bin/env bash
# The folder comparison as whole processes: ./scrfd4j detect against InsightFace's scrfd.py on Python's
# ONNX Runtime and OpenCV, same model, same convention, same thread budget; wall time (median of 3)
# and peak RSS of each run, on the generated mixed folders of 30 and 300 JPEGs.
#
#   bench/folder-vs-python.sh [PYTHON]
#
# Needs: a built checkout (./scrfd4j, bench/target/benchmarks.jar), ../shared, GNU time, and for the
# Python side a Python with onnxruntime, opencv-python and numpy, plus InsightFace's scrfd.py in
# $SCRFD_PY (without them the Python rows are skipped with the reason).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python="${1:-python3}"
model="${SCRFD_MODEL:-../shared/models/scrfd_2.5g_bnkps_shape640x640.onnx}"
mnn_model="${SCRFD_MNN_MODEL:-../shared/models/scrfd_2.5g_bnkps_shape640x640.mnn}"
folders=$(java -cp bench/target/benchmarks.jar io.github.scrfd4j.bench.BenchPhotos mixed30 mixed300)

# median wall seconds and max peak RSS (MiB) of three runs of a command
measure() {
  local label="$1"; shift
  local walls=() rss=0 out
  for _ in 1 2 3; do
    out=$( { /usr/bin/time -f "TIME %e %M" "$@" >/tmp/scrfd4j-cmp.out 2>/tmp/scrfd4j-cmp.err; } 2>&1 || true)
    out=$(grep '^TIME' /tmp/scrfd4j-cmp.err | tail -1)
    walls+=("$(echo "$out" | awk '{print $2}')")
    local m; m=$(echo "$out" | awk '{print $3}')
    [ "${m:-0}" -gt "$rss" ] && rss="$m"
  done
  local med; med=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 2p)
  local summary; summary=$(grep -h -E 'images, [0-9]+ faces' /tmp/scrfd4j-cmp.out /tmp/scrfd4j-cmp.err | tail -1)
  printf '| %s | %s s | %d MiB | %s |\n' "$label" "$med" $((rss / 1024)) "$summary"
}

python_ok=""
if [ -z "${SCRFD_PY:-}" ] || [ ! -f "${SCRFD_PY}" ]; then
  python_ok="set SCRFD_PY to InsightFace's detection/scrfd/tools/scrfd.py"
elif ! "$python" -c 'import onnxruntime, cv2, numpy' 2>/dev/null; then
  python_ok="$python lacks onnxruntime, opencv-python or numpy"
fi

echo "| run | wall (median of 3) | peak RSS | summary |"
echo "|---|---|---|---|"
for dir in $folders; do
  n=$(ls "$dir" | wc -l)
  for threads in 1 2; do
    if [ -z "$python_ok" ]; then
      measure "$n images, Python scrfd.py, $threads thread(s)" "$python" bench/python/scrfd_folder.py \
        --scrfd-py "$SCRFD_PY" --model "$model" --threads "$threads" "$dir"
    fi
  done
  common=(--convention insightface --score 0.5 --iou 0.4 --no-progress)
  measure "$n images, scrfd4j ORT, --threads 1 --workers 0 (one at a time)" ./scrfd4j detect "$dir" \
    --model "$model" "${common[@]}" --threads 1 --workers 0
  measure "$n images, scrfd4j ORT, --threads 1 (default: 1 worker, 2 streams)" ./scrfd4j detect "$dir" \
    --model "$model" "${common[@]}" --threads 1
  measure "$n images, scrfd4j ORT, --threads 2 (default: 1 worker, 1 stream)" ./scrfd4j detect "$dir" \
    --model "$model" "${common[@]}" --threads 2
  if [ -f "$mnn_model" ]; then
    measure "$n images, scrfd4j MNN, --threads 1 (default: 1 worker, 2 streams)" ./scrfd4j detect "$dir" \
      --model "$mnn_model" "${common[@]}" --threads 1
  fi
done
[ -n "$python_ok" ] && echo "Python rows skipped: $python_ok"
exit 0
