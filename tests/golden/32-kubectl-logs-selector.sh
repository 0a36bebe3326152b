# kubectl logs -l: every matching pod in name order, --tail 10 by default with a selector; a name and -l together
# is a usage error; no match prints the builder's "No resources found".
minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=k > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml > /dev/null
kubectl scale deploy llmops-app --replicas=2
kubectl rollout status deployment/llmops-app > /dev/null
sleep 3
kubectl logs -l app=llmops
kubectl logs -l app=llmops --tail=1
kubectl logs -l app=nothing
kubectl logs llmops-app -l app=llmops
kubectl wait --for=delete pod/nope --timeout=5s
kubectl delete pods --all llmops-app
