#!/usr/bin/env bash
# Deploys the Anime Recommender to a kind cluster: creates the cluster if needed, builds the image and loads it
# into the cluster's node, creates or updates the Secret from .env, applies the manifest and waits for the rollout.
# kind has no LoadBalancer implementation by default (EXTERNAL-IP stays <pending>), so the app is reached
# through kubectl port-forward. Running it again updates the deployment instead of failing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<USAGE
Usage: scripts/deploy-kind.sh [--dry-run] [--hardened] [--name CLUSTER] [--env-file FILE] [--timeout DURATION]

  --dry-run          print every command instead of running it
  --hardened         deploy manifests/llmops-k8s-hardened.yaml instead of manifests/llmops-k8s.yaml
  --name CLUSTER     the kind cluster (default: llmops)
  --env-file FILE    the file the Secret $SECRET_NAME is made from (default: .env)
  --timeout DURATION how long to wait for the rollout (default: 180s)
USAGE
}

MANIFEST="manifests/llmops-k8s.yaml"
ENV_FILE=".env"
TIMEOUT="180s"
CLUSTER="llmops"
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) DRY_RUN=1 ;;
    --hardened) MANIFEST="manifests/llmops-k8s-hardened.yaml" ;;
    --name) [ $# -ge 2 ] || die 1 "--name needs a cluster name"; CLUSTER="$2"; shift ;;
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
need kind "Install it: https://kind.sigs.k8s.io/docs/user/quick-start/#installation"
need kubectl "Install it: https://kubernetes.io/docs/tasks/tools/"
need docker "Install Docker: https://docs.docker.com/get-docker/"
check_env_file "$ENV_FILE"

step "Creating the kind cluster $CLUSTER if it does not exist"
if [ "$DRY_RUN" = 1 ]; then
  say "kind get clusters | grep -qx $CLUSTER || kind create cluster --name $CLUSTER"
elif kind get clusters 2>/dev/null | grep -qx "$CLUSTER"; then
  say "kind cluster $CLUSTER exists"
else
  run kind create cluster --name "$CLUSTER" || die 5 "kind create cluster failed; see the messages above"
fi
run kubectl config use-context "kind-$CLUSTER"

step "Building the image llmops-app:latest (also tagged $VERSION) and loading it into the kind node"
build_image "$VERSION"
run kind load docker-image "$IMAGE_REPO:latest" "$IMAGE_REPO:$VERSION" --name "$CLUSTER"

step "Creating or updating the Secret $SECRET_NAME from $ENV_FILE"
apply_secret "$ENV_FILE"

step "Applying $MANIFEST"
apply_app "$MANIFEST"

step "Waiting for the rollout"
wait_rollout "$TIMEOUT"

step "Done. Reach the app:"
notes <<DONE
  kubectl port-forward service/$SERVICE_NAME 8501:80    # then open http://localhost:8501
kind has no LoadBalancer by default, so EXTERNAL-IP stays <pending>; port-forward is the way in.
Check it with: scripts/verify.sh
DONE
