# The manifest applied before the Secret exists: the container cannot be created until it does.
minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl apply -f manifests/llmops-k8s.yaml
sleep 20
kubectl get pods
kubectl describe pod -l app=llmops | grep -A 3 -i 'events'
kubectl get events --field-selector reason=Failed
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=gsk_late
sleep 15
kubectl get pods
