minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=k > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml
kubectl wait --for=condition=Ready pod -l app=llmops --timeout=60s
kubectl wait --for=condition=Available deployment/llmops-app
kubectl wait --for=jsonpath='{.status.readyReplicas}'=1 deployment/llmops-app
kubectl set image deployment/llmops-app llmops-container=llmops-app:missing
kubectl wait --for=condition=Ready pod -l app=llmops --timeout=20s
kubectl wait --for=delete pod/nope --timeout=5s
kubectl wait deployment/llmops-app
