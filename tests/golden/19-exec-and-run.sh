minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=gsk_in_env > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml > /dev/null
kubectl rollout status deployment/llmops-app > /dev/null
sleep 5
kubectl exec deploy/llmops-app -- env | grep -E 'GROQ|PORT'
kubectl exec deploy/llmops-app -- cat /etc/resolv.conf
kubectl exec deploy/llmops-app -- sh
kubectl run tmp --rm -it --restart=Never --image=curlimages/curl -- curl -s http://llmops-service/health
kubectl run tmp --rm -it --restart=Never --image=curlimages/curl -- curl -s http://llmops-service.default.svc.cluster.local/api/info
kubectl run tmp --rm -it --restart=Never --image=curlimages/curl -- curl -s -m 2 http://llmops-service:8501
echo $?
kubectl run web --image=nginx
kubectl get pods
kubectl run nothing
