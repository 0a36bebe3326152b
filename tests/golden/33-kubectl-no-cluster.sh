# kubectl with no API server, command by command as the real client fails (kubectl 1.32 reproduced without a kubeconfig):
# how many discovery lines each prints, and the generators/apply -f that fail on their first request instead.
kubectl version
kubectl api-resources
kubectl cluster-info
kubectl apply -f manifests/llmops-k8s.yaml
kubectl create deployment x --image=nginx
kubectl create secret generic s --from-literal=a=b
kubectl logs x
kubectl run x --image=nginx
kubectl top pods
kubectl delete -f manifests/llmops-k8s.yaml
kubectl apply -f nope.yaml
