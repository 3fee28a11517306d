#!/usr/bin/env bash
# Runs the example program against the packaged service: starts it on a free port with an empty H2 folder (loaded
# with the reference studies) and a throwaway curator password, runs dist/example.js, stops the service.
# Usage: clients/typescript/run-example.sh path/to/quarkus-run.jar   (after npm ci, npm run generate, npm run build)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar=$1
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
password="example-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
CARTEVIDENCE_CURATOR_PASSWORD="$password" \
  java -Dquarkus.http.port="$port" -Dcartevidence.data-dir="$data" -jar "$jar" >"$data/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 90); do
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { cat "$data/service.log"; echo "service did not start"; exit 1; }
CART_EVIDENCE_URL="http://127.0.0.1:$port" CART_EVIDENCE_CURATOR_PASSWORD="$password" node "$here/dist/example.js"
