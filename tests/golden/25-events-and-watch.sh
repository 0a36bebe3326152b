minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=k > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml > /dev/null
kubectl get pods -w
kubectl get events
kubectl get events --field-selector involvedObject.kind=Deployment
kubectl get events --sort-by=.lastTimestamp | tail -n 3
