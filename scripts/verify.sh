#!/usr/bin/env bash
# Checks a live deployment the way the lessons' goals do: the Deployment exists and its pods are ready, the
# Service has ready endpoints, and /health answers through a port-forward. Says what is wrong when not.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<USAGE
Usage: scripts/verify.sh [--port LOCAL_PORT] [--timeout SECONDS]

  --port LOCAL_PORT  local port for the port-forward (default: 18501)
  --timeout SECONDS  how long to wait for /health through the port-forward (default: 15)
USAGE
}

LOCAL_PORT=18501
WAIT=15
while [ $# -gt 0 ]; do
  case "$1" in
    --port) [ $# -ge 2 ] || die 1 "--port needs a number"; LOCAL_PORT="$2"; shift ;;
    --timeout) [ $# -ge 2 ] || die 1 "--timeout needs a number of seconds"; WAIT="$2"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die 1 "unknown option: $1" ;;
  esac
  shift
done
[[ "$LOCAL_PORT" =~ ^[0-9]+$ ]] || die 1 "--port must be a number"
[[ "$WAIT" =~ ^[0-9]+$ ]] || die 1 "--timeout must be a whole number of seconds"

need kubectl "Install it: https://kubernetes.io/docs/tasks/tools/"
need curl "Install curl with your package manager."

FAILED=0
ok() { printf 'ok    %s\n' "$*"; }
bad() {
  printf 'FAIL  %s\n' "$1"
  shift
  local line
  for line in "$@"; do printf '      %s\n' "$line"; done
  FAILED=1
}

# 1. The Deployment and its pods.
if ! kubectl get deployment "$APP_NAME" >/dev/null 2>&1; then
  bad "Deployment $APP_NAME not found in the current namespace." \
    "Deploy it: scripts/deploy-minikube.sh (or scripts/deploy-kind.sh)" \
    "Current context: $(kubectl config current-context 2>/dev/null || echo unknown)"
  exit 1
fi
desired="$(kubectl get deployment "$APP_NAME" -o jsonpath='{.spec.replicas}')"
ready="$(kubectl get deployment "$APP_NAME" -o jsonpath='{.status.readyReplicas}')"
ready="${ready:-0}"
if [ "$ready" -ge "${desired:-1}" ] && [ "$ready" -gt 0 ]; then
  ok "Deployment $APP_NAME: $ready/$desired pods ready"
else
  reasons="$(kubectl get pods -l app=llmops -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.status.containerStatuses[0].state.waiting.reason}{"\n"}{end}' 2>/dev/null || true)"
  hints=()
  case "$reasons" in
    *ImagePullBackOff* | *ErrImagePull* | *ErrImageNeverPull*)
      hints+=("The image is not in the cluster. Build and load it: docker build -t llmops-app:latest . && minikube image load llmops-app:latest (kind: kind load docker-image llmops-app:latest --name llmops)") ;;
  esac
  case "$reasons" in
    *CreateContainerConfigError*)
      hints+=("The Secret $SECRET_NAME is probably missing: kubectl create secret generic $SECRET_NAME --from-env-file=.env") ;;
  esac
  case "$reasons" in
    *CrashLoopBackOff*)
      hints+=("The container keeps exiting. Read why: kubectl logs deployment/$APP_NAME --previous") ;;
  esac
  [ -n "$reasons" ] || hints+=("No pods match app=llmops: kubectl get pods --show-labels")
  hints+=("Details: kubectl describe pods -l app=llmops")
  bad "Deployment $APP_NAME: $ready/${desired:-?} pods ready" "${hints[@]}" "Pods: $(printf '%s' "$reasons" | tr '\n' ';')"
fi

# 2. The Service and its endpoints.
if ! kubectl get service "$SERVICE_NAME" >/dev/null 2>&1; then
  bad "Service $SERVICE_NAME not found." "Apply the manifest: kubectl apply -f manifests/llmops-k8s.yaml"
  exit 1
fi
# One line per endpoint, "address ready", keeping the ready ones (EndpointSlices replace the deprecated Endpoints).
endpoints="$(kubectl get endpointslices -l "kubernetes.io/service-name=$SERVICE_NAME" \
  -o jsonpath='{range .items[*].endpoints[*]}{.addresses[0]}{" "}{.conditions.ready}{"\n"}{end}' 2>/dev/null |
  sed -n 's/ true$//p' | tr '\n' ' ' || true)"
if [ -n "${endpoints// /}" ]; then
  ok "Service $SERVICE_NAME has ready endpoints: ${endpoints% }"
else
  selector="$(kubectl get service "$SERVICE_NAME" -o jsonpath='{.spec.selector}' 2>/dev/null || true)"
  bad "Service $SERVICE_NAME has no ready endpoints." \
    "Its selector is $selector: it must match the pods' labels (kubectl get pods --show-labels), and the pods must be ready."
fi

# 3. /health through a port-forward to the Service.
if [ "$FAILED" = 0 ]; then
  log="$(mktemp)"
  kubectl port-forward "service/$SERVICE_NAME" "$LOCAL_PORT:80" >"$log" 2>&1 &
  pf=$!
  trap 'kill "$pf" 2>/dev/null || true; rm -f "$log"' EXIT
  answered=0
  for _ in $(seq 1 "$((WAIT * 4))"); do
    if body="$(curl -fsS --max-time 2 "http://127.0.0.1:$LOCAL_PORT/health" 2>/dev/null)"; then
      answered=1
      break
    fi
    kill -0 "$pf" 2>/dev/null || break
    sleep 0.25
  done
  if [ "$answered" = 1 ]; then
    ok "GET /health through port-forward localhost:$LOCAL_PORT -> $SERVICE_NAME:80 answered: $body"
  else
    bad "GET /health through port-forward localhost:$LOCAL_PORT did not answer within ${WAIT}s." \
      "port-forward said: $(tr '\n' ' ' <"$log")" \
      "Check the Service's targetPort matches the container port 8501: kubectl get service $SERVICE_NAME -o yaml"
  fi
fi

if [ "$FAILED" = 0 ]; then
  say "All checks passed."
else
  say "Some checks failed; see above."
  exit 1
fi
