# kubectl replace -f: a PUT per object (NotFound before the objects exist, "replaced" after).
minikube start > /dev/null
kubectl replace -f manifests/llmops-k8s.yaml
kubectl apply -f manifests/llmops-k8s.yaml > /dev/null
kubectl get deploy llmops-app -o yaml > d.yaml
kubectl replace -f d.yaml
kubectl replace -f manifests/llmops-k8s.yaml
kubectl replace
