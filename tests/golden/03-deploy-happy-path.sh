# The source document's deploy steps, end to end.
minikube start
kubectl cluster-info
docker build -t llmops-app:latest .
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=gsk_demo_key --from-literal=HUGGINGFACE_API_KEY=hf_demo_token
kubectl apply -f manifests/llmops-k8s.yaml
kubectl get deployments
kubectl get pods
kubectl get services
kubectl rollout status deployment/llmops-app
sleep 5
kubectl get pods
kubectl logs deploy/llmops-app
kubectl port-forward service/llmops-service 8501:80 &
curl -s localhost:8501/health
curl -s localhost:8501/api/info
kill %1
