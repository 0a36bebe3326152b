# Troubleshooting 4: reaching the app from the workstation.
minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=k > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml > /dev/null
kubectl rollout status deployment/llmops-app
sleep 5
curl localhost:8501
echo $?
curl http://llmops-service
kubectl get service llmops-service
kubectl port-forward service/llmops-service 8501:8501
kubectl port-forward service/llmops-service 8501:80 &
curl -s -o /dev/null -w '%{http_code}' localhost:8501 ; echo
curl -i localhost:8501/health
minikube service llmops-service --url
curl -s $(minikube service llmops-service --url)/health
curl -m 3 http://$(kubectl get svc llmops-service -o jsonpath='{.spec.clusterIP}')
minikube tunnel &
kubectl get service llmops-service
curl -s http://$(kubectl get svc llmops-service -o jsonpath='{.status.loadBalancer.ingress[0].ip}')/health
jobs
kill %1 %2
jobs
