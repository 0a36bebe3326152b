# Troubleshooting 1: the image was built but never loaded into minikube.
minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=k
kubectl apply -f manifests/llmops-k8s.yaml
sleep 3
kubectl get pods
sleep 60
kubectl get pods
kubectl describe pod -l app=llmops | tail -12
kubectl logs deploy/llmops-app
docker images | grep llmops-app
minikube image load llmops-app:latest
minikube image ls | grep llmops-app
kubectl delete pod -l app=llmops
sleep 5
kubectl get pods
