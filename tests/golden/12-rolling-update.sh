# Updating the application: build v1.1, load it, roll it out, look at the history, undo.
minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=k > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml > /dev/null
kubectl rollout status deployment/llmops-app
docker build -t llmops-app:v1.1 . > /dev/null
minikube image load llmops-app:v1.1
kubectl set image deployment/llmops-app llmops-container=llmops-app:v1.1
kubectl rollout status deployment/llmops-app
kubectl get rs
kubectl rollout history deployment/llmops-app
kubectl rollout history deployment/llmops-app --revision=2
kubectl rollout undo deployment/llmops-app
kubectl rollout status deployment/llmops-app
kubectl rollout history deployment/llmops-app
kubectl rollout undo deployment/llmops-app --to-revision=7
kubectl set image deployment/llmops-app nope=llmops-app:v2
kubectl describe deployment llmops-app
