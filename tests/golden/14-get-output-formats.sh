minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=k > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml > /dev/null
kubectl rollout status deployment/llmops-app > /dev/null
kubectl get deploy,svc -o wide
kubectl get pods -o name
kubectl get deployment llmops-app -o yaml
kubectl get svc llmops-service -o json
kubectl get pods -o jsonpath='{.items[*].status.phase}'
echo
kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.podIP}{"\n"}{end}'
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,NODE:.spec.nodeName
kubectl get pods -l app=llmops --show-labels
kubectl get pods -L app,pod-template-hash
kubectl get pods -l app=nothing
kubectl get po,rs -n kube-system
kubectl get ns
kubectl get configmaps
kubectl get secrets -A
kubectl get pods -o xml
