minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=k > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml
kubectl rollout status deployment/llmops-app
kubectl scale deployment llmops-app --replicas=3
kubectl get pods
kubectl rollout status deployment/llmops-app
kubectl get deploy llmops-app
kubectl get endpoints llmops-service
kubectl scale deployment/llmops-app --replicas=1
sleep 35
kubectl get pods
kubectl scale deployment llmops-app
kubectl scale deployment nope --replicas=2
