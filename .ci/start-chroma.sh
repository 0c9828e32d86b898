#!/usr/bin/env bash
# Start a throw-away Chroma server (`chroma run`, from the chromadb package) on 127.0.0.1 for the
# tests and print its URL on stdout once it answers.
# Usage: .ci/start-chroma.sh DIR [PORT]   (the data, the log and chroma.pid go to DIR)
# Stop it with: kill "$(cat DIR/chroma.pid)"
set -euo pipefail
dir=${1:?give a folder for the server}
port=${2:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
chroma=${CHROMA:-$(dirname "$0")/../.venv/bin/chroma}
[ -x "$chroma" ] || chroma=$(command -v chroma || true)
if [ -z "$chroma" ]; then
  echo "the chroma command is not installed (pip install chromadb)" >&2
  exit 1
fi
mkdir -p "$dir/data"
# Its output goes to a file: a background process holding our stdout would keep $(...) waiting.
"$chroma" run --path "$dir/data" --host 127.0.0.1 --port "$port" </dev/null >"$dir/server.log" 2>&1 &
echo $! >"$dir/chroma.pid"
for _ in $(seq 1 120); do
  if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), timeout=1)" 2>/dev/null; then
    echo "http://127.0.0.1:$port"
    exit 0
  fi
  kill -0 "$(cat "$dir/chroma.pid")" 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  sleep 0.5
done
echo "chroma run did not answer on port $port within 60 s" >&2
cat "$dir/server.log" >&2
kill "$(cat "$dir/chroma.pid")" 2>/dev/null || true
exit 1
