minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=k > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml > /dev/null
kubectl rollout status deployment/llmops-app > /dev/null
sleep 5
# a foreground port-forward is stopped with Ctrl-C once it has started
kubectl port-forward service/llmops-service 8501:80
echo $?
kubectl port-forward deploy/llmops-app 8501:8501 &
kubectl port-forward deploy/llmops-app 8501:8501
jobs
curl -s localhost:8501/health
curl -s localhost:8501/health
kill %1
jobs
kill %1
curl localhost:8501/health
kubectl logs -f deploy/llmops-app --tail=2
kubectl get pods -w
