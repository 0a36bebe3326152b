minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=k > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml > /dev/null
kubectl rollout status deployment/llmops-app
kubectl rollout undo deployment/llmops-app
kubectl rollout restart deployment/llmops-app
kubectl rollout restart deployment/llmops-app
kubectl rollout status deployment/llmops-app
kubectl rollout pause deployment/llmops-app
kubectl rollout pause deployment/llmops-app
kubectl rollout undo deployment/llmops-app
kubectl rollout resume deployment/llmops-app
kubectl rollout history deploy/llmops-app
kubectl rollout status
