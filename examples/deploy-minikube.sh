# Deploy the Anime Recommender to minikube, following the source guide's "Deploying the Application" steps.
# Run it in the simulator:   npm run --silent sim < examples/deploy-minikube.sh
# The same commands work on a real machine with Docker, minikube and kubectl (run from the repository root).

# Prerequisites: a local cluster, and kubectl pointing at it
minikube start
kubectl cluster-info

# Build the image and load it into minikube's Docker (imagePullPolicy: IfNotPresent uses the local copy)
docker build -t llmops-app:latest .
minikube image load llmops-app:latest
minikube image ls | grep llmops-app

# The Secret the Deployment reads with envFrom, from a .env file (kubectl keeps values verbatim: no quotes)
cat > .env <<'END'
GROQ_API_KEY=gsk_replace_me
END
kubectl create secret generic llmops-secrets --from-env-file=.env
kubectl get secrets
kubectl describe secret llmops-secrets

# Apply the manifest (Deployment + LoadBalancer Service) and watch it come up
kubectl apply -f manifests/llmops-k8s.yaml
kubectl get deployments
kubectl get pods
kubectl get services
kubectl rollout status deployment/llmops-app
sleep 5
kubectl get pods -o wide
kubectl describe pod -l app=llmops
kubectl logs deploy/llmops-app

# Reach the app: port-forward (in the background here; in a terminal you would leave it running)
kubectl port-forward service/llmops-service 8501:80 &
curl -s localhost:8501/health
curl -s "localhost:8501/api/recommend?q=mecha" | head -c 300; echo
kill %1

# Or through the LoadBalancer: minikube tunnel gives the Service an external IP
minikube tunnel &
kubectl get service llmops-service
curl -s http://$(kubectl get service llmops-service -o jsonpath='{.status.loadBalancer.ingress[0].ip}')/health
kill %1

# Scale to three replicas, then roll out a new version and roll it back
kubectl scale deployment llmops-app --replicas=3
kubectl rollout status deployment/llmops-app
kubectl get pods
docker build -t llmops-app:v1.1 .
minikube image load llmops-app:v1.1
kubectl set image deployment/llmops-app llmops-container=llmops-app:v1.1
kubectl rollout status deployment/llmops-app
kubectl rollout history deployment/llmops-app
kubectl rollout undo deployment/llmops-app
kubectl rollout status deployment/llmops-app

# Clean up
kubectl delete -f manifests/llmops-k8s.yaml
kubectl delete secret llmops-secrets
minikube stop
