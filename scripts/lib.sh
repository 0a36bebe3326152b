#!/usr/bin/env bash
# Shared helpers for the deploy, teardown and verify scripts. Sourced, not run.
# The constants below are used by the scripts that source this file, which shellcheck cannot see from here.
# shellcheck disable=SC2034
# Exit codes used by all scripts:
#   0 success · 1 bad usage or failed check · 2 a required tool is missing · 3 .env is missing
#   4 the rollout did not finish in time · 5 the cluster could not be started

APP_NAME="llmops-app"
SECRET_NAME="llmops-secrets"
SERVICE_NAME="llmops-service"
IMAGE_REPO="llmops-app"
DRY_RUN=0

# Where the repository is, whatever the current directory.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '%s\n' "$*"; }
# With --dry-run, headings and notes are printed as shell comments, so the whole output is a runnable script.
step() { if [ "$DRY_RUN" = 1 ]; then printf '\n# ==> %s\n' "$*"; else printf '\n==> %s\n' "$*"; fi; }
notes() { if [ "$DRY_RUN" = 1 ]; then sed 's/^/# /'; else cat; fi; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  local code="$1"
  shift
  printf 'error: %s\n' "$*" >&2
  exit "$code"
}

# The app version, which is also the pinned image tag of the hardened manifest.
app_version() {
  sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$REPO_ROOT/app/package.json" | head -n 1
}

# Prints a command the way a shell would take it back (each word quoted only if needed).
show_cmd() {
  local out="" word
  for word in "$@"; do
    if [[ "$word" =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then out+="$word "; else out+="$(printf '%q' "$word") "; fi
  done
  printf '%s\n' "${out% }"
}

# run CMD...: runs a command, or only prints it with --dry-run.
run() {
  if [ "$DRY_RUN" = 1 ]; then
    show_cmd "$@"
    return 0
  fi
  printf '+ %s\n' "$(show_cmd "$@")"
  "$@"
}

# need TOOL HINT: stops with exit 2 when TOOL is not on PATH (with --dry-run it only warns).
need() {
  local tool="$1" hint="$2"
  if ! command -v "$tool" >/dev/null 2>&1; then
    if [ "$DRY_RUN" = 1 ]; then
      warn "$tool is not installed (dry run continues): $hint"
      return 0
    fi
    die 2 "$tool is not installed or not on PATH. $hint"
  fi
}

# check_env_file FILE: stops with exit 3 when the key file is missing, warns about placeholder values.
check_env_file() {
  local file="$1"
  if [ ! -f "$file" ]; then
    if [ "$DRY_RUN" = 1 ]; then
      warn "$file does not exist yet (dry run continues)"
      return 0
    fi
    die 3 "$file not found. The Secret $SECRET_NAME is made from it. Create it from the example and put your keys in it:
  cp manifests/secret.example.env .env
  \${EDITOR:-nano} .env
(GROQ_API_KEY may stay a placeholder or be removed: the app then recommends offline.)"
  fi
  if grep -q 'replace-with-' "$file"; then
    warn "$file still holds placeholder values; the app will run in offline mode or fall back to it"
  fi
}

# apply_secret FILE: creates or updates the Secret from an env file; idempotent.
apply_secret() {
  local file="$1"
  if [ "$DRY_RUN" = 1 ]; then
    say "kubectl create secret generic $SECRET_NAME --from-env-file=$file --dry-run=client -o yaml | kubectl apply -f -"
    return 0
  fi
  printf '+ kubectl create secret generic %s --from-env-file=%s --dry-run=client -o yaml | kubectl apply -f -\n' "$SECRET_NAME" "$file"
  kubectl create secret generic "$SECRET_NAME" --from-env-file="$file" --dry-run=client -o yaml | kubectl apply -f -
}

# apply_app MANIFEST: applies the manifest; when the Deployment already existed, restarts it so pods pick up
# a rebuilt image under the same tag and a changed Secret (envFrom is read only when a container starts).
apply_app() {
  local manifest="$1" existed=0
  if [ "$DRY_RUN" = 0 ] && kubectl get deployment "$APP_NAME" >/dev/null 2>&1; then existed=1; fi
  run kubectl apply -f "$manifest"
  if [ "$DRY_RUN" = 1 ]; then
    say "# only when $APP_NAME already existed (to pick up a rebuilt image and a changed Secret):"
    say "#   kubectl rollout restart deployment/$APP_NAME"
  elif [ "$existed" = 1 ]; then
    run kubectl rollout restart "deployment/$APP_NAME"
  fi
}

# wait_rollout TIMEOUT: waits for the Deployment; on failure explains what to look at and exits 4.
wait_rollout() {
  local timeout="$1"
  if ! run kubectl rollout status "deployment/$APP_NAME" --timeout="$timeout"; then
    printf 'error: the rollout of %s did not finish within %s.\n' "$APP_NAME" "$timeout" >&2
    printf 'Look at:\n  kubectl get pods -l app=llmops\n  kubectl describe deployment %s\n  kubectl logs deployment/%s\n' "$APP_NAME" "$APP_NAME" >&2
    printf 'Then check what is wrong with scripts/verify.sh.\n' >&2
    exit 4
  fi
}

# build_image VERSION: builds llmops-app:latest and tags it with the app version (the hardened manifest's tag).
build_image() {
  local version="$1"
  run docker build -t "$IMAGE_REPO:latest" .
  run docker tag "$IMAGE_REPO:latest" "$IMAGE_REPO:$version"
}
