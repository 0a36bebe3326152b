minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=k > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml > /dev/null
kubectl rollout status deployment/llmops-app > /dev/null
kubectl get pods
kubectl delete pod -l app=llmops
kubectl get pods
kubectl delete pod nope
kubectl delete pod nope --ignore-not-found
kubectl delete -f manifests/llmops-k8s.yaml
kubectl get all
kubectl delete secret --all
kubectl delete
kubectl get secrets
