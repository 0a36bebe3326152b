# Troubleshooting 2: the app is told to use the LLM but has no key, so it exits at start.
minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=RECOMMENDER_MODE=llm
kubectl apply -f manifests/llmops-k8s.yaml
sleep 45
kubectl get pods
kubectl logs deploy/llmops-app
kubectl logs deploy/llmops-app --previous
kubectl describe pod -l app=llmops | grep -A 12 'State:'
kubectl get secrets
kubectl describe secret llmops-secrets
kubectl delete secret llmops-secrets
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=gsk_now_set --from-literal=RECOMMENDER_MODE=llm
kubectl rollout restart deployment/llmops-app
kubectl rollout status deployment/llmops-app
kubectl get pods
