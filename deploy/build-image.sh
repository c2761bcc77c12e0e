#!/usr/bin/env bash
# Builds the woma image (deploy/Containerfile) with podman and runs it once: starts
# `woma serve` in it, waits for /ready, runs 6*7, then stops it with SIGTERM (podman stop)
# and checks it drained and exited 0. What it prints is what docs/deploy.md shows.
#
# Needs: podman, runc, debootstrap, curl and bc (apt-get install podman runc debootstrap curl bc), root.
# Usage: deploy/build-image.sh [--no-run]
# Facts about this machine's podman (docs/deploy.md): `podman build` needs --isolation chroot,
# and `podman run` runc with cgroupfs and explicit ulimits.
set -euo pipefail
cd "$(dirname "$0")/.."

base=localhost/debian-bookworm-minbase
image=localhost/woma:0.1.0
say() { printf '== %s\n' "$*"; }

if [ ! -x ./woma ]; then
  say "building the single binary (npm run build)"
  npm run build --silent
fi
say "binary: $(du -h woma | cut -f1) ./woma"

if ! podman image exists "$base"; then
  say "making the base image $base with debootstrap (minbase, bookworm; about 2-3 minutes)"
  root=$(mktemp -d)
  started=$(date +%s)
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
  tar -C "$root" -c . | podman import - "$base" >/dev/null
  rm -rf "$root"
  say "base image ready in $(( $(date +%s) - started )) s"
fi

say "podman build --isolation chroot -f deploy/Containerfile -t $image ."
started=$(date +%s)
podman build --quiet --isolation chroot -f deploy/Containerfile -t "$image" . >/dev/null
say "built in $(( $(date +%s) - started )) s: $(podman image inspect "$image" --format '{{.Size}}' | awk '{printf "%d MB", $1/1000000}'), user $(podman image inspect "$image" --format '{{.Config.User}}'), isolation label $(podman image inspect "$image" --format '{{index .Config.Labels "dev.woma.isolation"}}')"

[ "${1:-}" = "--no-run" ] && exit 0

port=${WOMA_IMAGE_PORT:-18080}
name=woma-image-check
podman rm -f "$name" >/dev/null 2>&1 || true
say "podman run (runc, host network) woma serve on port $port"
podman run -d --name "$name" --runtime runc --cgroup-manager=cgroupfs --network host \
  --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 -e WOMA_TOKEN=image-check \
  "$image" serve --host=127.0.0.1 --port="$port" --isolation=process >/dev/null
started=$(date +%s)
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready")" = 200 ]; do
  if [ "$(( $(date +%s) - started ))" -gt 120 ]; then podman logs "$name"; exit 1; fi
  sleep 0.5
done
say "/ready 200 after $(( $(date +%s) - started )) s (the first start builds the snapshot)"
say "GET /health: $(curl -s "http://127.0.0.1:$port/health" | head -c 200)"
say "POST /python 6*7: $(curl -s -H 'Authorization: Bearer image-check' -H 'Content-Type: application/json' -d '{"code": "import os; (6*7, os.getuid())"}' "http://127.0.0.1:$port/python")"
say "processes in the container (uid, command):"
podman top "$name" user args | sed 's/^/   /'
say "a 3 s run, then podman stop (SIGTERM) while it runs: it finishes, then the server exits"
answer=$(mktemp)
curl -s -H 'Authorization: Bearer image-check' -H 'Content-Type: application/json' -d '{"code": "import time; time.sleep(3); \"finished\""}' "http://127.0.0.1:$port/python" >"$answer" &
until curl -s "http://127.0.0.1:$port/metrics" -H 'Authorization: Bearer image-check' | grep -q '^woma_http_requests_in_flight 1'; do sleep 0.1; done
started=$(date +%s.%N)
podman stop --time 40 "$name" >/dev/null
wait
say "the run's answer: $(cat "$answer")"
say "podman stop returned after $(printf '%.1f' "$(echo "$(date +%s.%N) - $started" | bc)") s; exit code $(podman inspect "$name" --format '{{.State.ExitCode}}'); last lines of its log:"
podman logs "$name" 2>&1 | tail -3 | sed 's/^/   /'
rm -f "$answer"
podman rm "$name" >/dev/null
