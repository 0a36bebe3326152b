#!/usr/bin/env bash
# Removes what the deploy scripts created: the Deployment, the Service and the Secret. Optionally stops
# minikube or deletes the kind cluster too. Safe to run twice.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<USAGE
Usage: scripts/teardown.sh [--dry-run] [--stop-minikube | --delete-kind [CLUSTER]]

  --dry-run            print every command instead of running it
  --stop-minikube      also stop the minikube cluster
  --delete-kind NAME   also delete the kind cluster NAME (default: llmops)
USAGE
}

STOP_MINIKUBE=0
DELETE_KIND=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) DRY_RUN=1 ;;
    --stop-minikube) STOP_MINIKUBE=1 ;;
    --delete-kind)
      DELETE_KIND="llmops"
      if [ $# -ge 2 ] && [ "${2#-}" = "$2" ]; then DELETE_KIND="$2"; shift; fi
      ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die 1 "unknown option: $1" ;;
  esac
  shift
done

cd "$REPO_ROOT"
need kubectl "Install it: https://kubernetes.io/docs/tasks/tools/"

step "Deleting the app"
# Both manifests name the same objects, so deleting by the seed manifest removes either variant.
run kubectl delete -f manifests/llmops-k8s.yaml --ignore-not-found
run kubectl delete secret "$SECRET_NAME" --ignore-not-found

if [ "$STOP_MINIKUBE" = 1 ]; then
  need minikube "Install it: https://minikube.sigs.k8s.io/docs/start/"
  step "Stopping minikube"
  run minikube stop
fi
if [ -n "$DELETE_KIND" ]; then
  need kind "Install it: https://kind.sigs.k8s.io/"
  step "Deleting the kind cluster $DELETE_KIND"
  run kind delete cluster --name "$DELETE_KIND"
fi
say "Teardown finished."
