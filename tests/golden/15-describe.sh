minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=k > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml > /dev/null
kubectl rollout status deployment/llmops-app > /dev/null
sleep 30
kubectl describe deployment llmops-app
kubectl describe rs
kubectl describe pod -l app=llmops
kubectl describe svc llmops-service
kubectl describe secret llmops-secrets
kubectl describe node minikube
kubectl describe pod nope
