# Troubleshooting 3: the Service selector matches no pod.
minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=k > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml
kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: llmops-service
spec:
  type: LoadBalancer
  selector:
    app: llmops-api
  ports:
    - protocol: TCP
      port: 80
      targetPort: 8501
EOF
kubectl wait --for=condition=Available deployment/llmops-app --timeout=60s
kubectl get endpoints llmops-service
kubectl get endpointslices
kubectl describe service llmops-service | grep -E 'Selector|Endpoints'
kubectl get pods --show-labels
kubectl get service llmops-service -o yaml
kubectl port-forward service/llmops-service 8501:80
kubectl apply -f manifests/llmops-k8s.yaml
kubectl get endpoints llmops-service
