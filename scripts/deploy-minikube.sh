#!/usr/bin/env bash
# Deploys the Anime Recommender to minikube: starts the cluster if needed, builds the image and loads it into
# the cluster, creates or updates the Secret from .env, applies the manifest and waits for the rollout.
# Running it again updates the deployment instead of failing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<USAGE
Usage: scripts/deploy-minikube.sh [--dry-run] [--hardened] [--env-file FILE] [--timeout DURATION]

  --dry-run          print every command instead of running it
  --hardened         deploy manifests/llmops-k8s-hardened.yaml instead of manifests/llmops-k8s.yaml
  --env-file FILE    the file the Secret $SECRET_NAME is made from (default: .env)
  --timeout DURATION how long to wait for the rollout (default: 180s)
USAGE
}

MANIFEST="manifests/llmops-k8s.yaml"
ENV_FILE=".env"
TIMEOUT="180s"
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) DRY_RUN=1 ;;
    --hardened) MANIFEST="manifests/llmops-k8s-hardened.yaml" ;;
    --env-file) [ $# -ge 2 ] || die 1 "--env-file needs a file name"; ENV_FILE="$2"; shift ;;
    --timeout) [ $# -ge 2 ] || die 1 "--timeout needs a duration such as 180s"; TIMEOUT="$2"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die 1 "unknown option: $1" ;;
  esac
  shift
done

cd "$REPO_ROOT"
VERSION="$(app_version)"
[ -n "$VERSION" ] || die 1 "cannot read the app version from app/package.json"

step "Checking tools"
need minikube "Install it: https://minikube.sigs.k8s.io/docs/start/"
need kubectl "Install it: https://kubernetes.io/docs/tasks/tools/ (or use 'minikube kubectl --')"
need docker "Install Docker: https://docs.docker.com/get-docker/"
check_env_file "$ENV_FILE"

step "Starting minikube if it is not running"
if [ "$DRY_RUN" = 1 ]; then
  say "minikube status >/dev/null || minikube start"
elif minikube status >/dev/null 2>&1; then
  say "minikube is running"
else
  run minikube start || die 5 "minikube start failed; see the messages above (try: minikube delete && minikube start)"
fi

step "Building the image llmops-app:latest (also tagged $VERSION) and loading it into minikube"
build_image "$VERSION"
run minikube image load "$IMAGE_REPO:latest"
run minikube image load "$IMAGE_REPO:$VERSION"

step "Creating or updating the Secret $SECRET_NAME from $ENV_FILE"
apply_secret "$ENV_FILE"

step "Applying $MANIFEST"
apply_app "$MANIFEST"

step "Waiting for the rollout"
wait_rollout "$TIMEOUT"

step "Done. Reach the app:"
notes <<DONE
  kubectl port-forward service/$SERVICE_NAME 8501:80    # then open http://localhost:8501
or, for the LoadBalancer's external IP, run in another terminal:
  minikube tunnel
  kubectl get service $SERVICE_NAME                     # EXTERNAL-IP, then open http://<EXTERNAL-IP>/
or let minikube print a URL:
  minikube service $SERVICE_NAME --url
Check it with: scripts/verify.sh
DONE
