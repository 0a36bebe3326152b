# kubectl's env-file rules: values verbatim (quotes kept), comments and blank lines skipped.
cat > .env <<'EOF2'
# keys for the app
GROQ_API_KEY="gsk_quoted"
HUGGINGFACE_API_KEY=hf_plain  
EMPTY=

EOF2
kubectl create secret generic llmops-secrets --from-env-file=.env --dry-run=client -o yaml
printf 'export GROQ_API_KEY=x\n' > bad.env
kubectl create secret generic bad --from-env-file=bad.env --dry-run=client -o yaml
printf '\xef\xbb\xbfBOM_KEY=v\n' > bom.env
kubectl create secret generic bom --from-env-file=bom.env --dry-run=client -o yaml
kubectl create secret generic lit --from-literal=novalue --dry-run=client
kubectl create secret generic
minikube start > /dev/null
kubectl create secret generic llmops-secrets --from-env-file=.env
kubectl create secret generic llmops-secrets --from-env-file=.env
kubectl get secrets
kubectl describe secret llmops-secrets
kubectl get secret llmops-secrets -o jsonpath='{.data.GROQ_API_KEY}' | base64 -d
echo
